;; Quicksort of `n` i32 values (at most 4 Mi) filled from an LCG: Hoare partition around
;; the middle element, recursion into the smaller part and a loop over the larger, so the
;; depth stays logarithmic. Returns -1 if the result is not sorted, otherwise a position-
;; weighted i64 checksum.
(module
  (memory 256)
  (func $sort (param $lo i32) (param $hi i32)
    (local $i i32) (local $j i32) (local $pivot i32) (local $t i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_s (local.get $lo) (local.get $hi)))
        (local.set $pivot
          (i32.load
            (i32.shl
              (i32.add (local.get $lo)
                       (i32.shr_u (i32.sub (local.get $hi) (local.get $lo)) (i32.const 1)))
              (i32.const 2))))
        (local.set $i (i32.sub (local.get $lo) (i32.const 1)))
        (local.set $j (i32.add (local.get $hi) (i32.const 1)))
        (block $partitioned
          (loop $scan
            (loop $up
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $up
                (i32.lt_s (i32.load (i32.shl (local.get $i) (i32.const 2))) (local.get $pivot))))
            (loop $down
              (local.set $j (i32.sub (local.get $j) (i32.const 1)))
              (br_if $down
                (i32.gt_s (i32.load (i32.shl (local.get $j) (i32.const 2))) (local.get $pivot))))
            (br_if $partitioned (i32.ge_s (local.get $i) (local.get $j)))
            (local.set $t (i32.load (i32.shl (local.get $i) (i32.const 2))))
            (i32.store (i32.shl (local.get $i) (i32.const 2))
                       (i32.load (i32.shl (local.get $j) (i32.const 2))))
            (i32.store (i32.shl (local.get $j) (i32.const 2)) (local.get $t))
            (br $scan)))
        (if (i32.lt_s (i32.sub (local.get $j) (local.get $lo))
                      (i32.sub (local.get $hi) (local.get $j)))
          (then
            (call $sort (local.get $lo) (local.get $j))
            (local.set $lo (i32.add (local.get $j) (i32.const 1))))
          (else
            (call $sort (i32.add (local.get $j) (i32.const 1)) (local.get $hi))
            (local.set $hi (local.get $j))))
        (br $again))))
  (func (export "run") (param $n i32) (result i64)
    (local $i i32) (local $x i32) (local $sum i64)
    (block $fill_done
      (loop $fill
        (br_if $fill_done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x
          (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
        (i32.store (i32.shl (local.get $i) (i32.const 2)) (local.get $x))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $fill)))
    (call $sort (i32.const 0) (i32.sub (local.get $n) (i32.const 1)))
    (local.set $i (i32.const 0))
    (block $check_done
      (loop $check
        (br_if $check_done (i32.ge_u (local.get $i) (local.get $n)))
        (if (local.get $i)
          (then
            (if (i32.gt_s (i32.load (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 2)))
                          (i32.load (i32.shl (local.get $i) (i32.const 2))))
              (then (return (i64.const -1))))))
        (local.set $sum
          (i64.add (local.get $sum)
            (i64.mul (i64.extend_i32_s (i32.load (i32.shl (local.get $i) (i32.const 2))))
                     (i64.extend_i32_u (i32.add (local.get $i) (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $check)))
    (local.get $sum)))
