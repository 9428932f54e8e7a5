;; 128x128 f64 matrix multiply C = A * B (naive i-j-k, accumulator in a local), repeated
;; `reps` times; returns the sum of C. A at 0, B at 128 KiB, C at 256 KiB.
(module
  (memory 8)
  (func (export "run") (param $reps i32) (result f64)
    (local $i i32) (local $j i32) (local $k i32) (local $r i32) (local $addr i32)
    (local $acc f64) (local $sum f64)
    ;; A[i][j] = ((7i + 3j) mod 17) / 4 - 1,  B[i][j] = ((5i + 11j) mod 13) / 2 - 2
    (local.set $i (i32.const 0))
    (loop $init_i
      (local.set $j (i32.const 0))
      (loop $init_j
        (local.set $addr
          (i32.shl (i32.or (i32.shl (local.get $i) (i32.const 7)) (local.get $j)) (i32.const 3)))
        (f64.store offset=0 (local.get $addr)
          (f64.sub
            (f64.mul
              (f64.convert_i32_u
                (i32.rem_u
                  (i32.add (i32.mul (local.get $i) (i32.const 7))
                           (i32.mul (local.get $j) (i32.const 3)))
                  (i32.const 17)))
              (f64.const 0.25))
            (f64.const 1)))
        (f64.store offset=131072 (local.get $addr)
          (f64.sub
            (f64.mul
              (f64.convert_i32_u
                (i32.rem_u
                  (i32.add (i32.mul (local.get $i) (i32.const 5))
                           (i32.mul (local.get $j) (i32.const 11)))
                  (i32.const 13)))
              (f64.const 0.5))
            (f64.const 2)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $init_j (i32.lt_u (local.get $j) (i32.const 128))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $init_i (i32.lt_u (local.get $i) (i32.const 128))))
    (loop $rep
      (local.set $i (i32.const 0))
      (loop $mi
        (local.set $j (i32.const 0))
        (loop $mj
          (local.set $acc (f64.const 0))
          (local.set $k (i32.const 0))
          (loop $mk
            (local.set $acc
              (f64.add (local.get $acc)
                (f64.mul
                  (f64.load offset=0
                    (i32.shl (i32.or (i32.shl (local.get $i) (i32.const 7)) (local.get $k))
                             (i32.const 3)))
                  (f64.load offset=131072
                    (i32.shl (i32.or (i32.shl (local.get $k) (i32.const 7)) (local.get $j))
                             (i32.const 3))))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br_if $mk (i32.lt_u (local.get $k) (i32.const 128))))
          (f64.store offset=262144
            (i32.shl (i32.or (i32.shl (local.get $i) (i32.const 7)) (local.get $j)) (i32.const 3))
            (local.get $acc))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $mj (i32.lt_u (local.get $j) (i32.const 128))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $mi (i32.lt_u (local.get $i) (i32.const 128))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $rep (i32.lt_u (local.get $r) (local.get $reps))))
    (local.set $addr (i32.const 0))
    (loop $sum_loop
      (local.set $sum (f64.add (local.get $sum) (f64.load offset=262144 (local.get $addr))))
      (local.set $addr (i32.add (local.get $addr) (i32.const 8)))
      (br_if $sum_loop (i32.lt_u (local.get $addr) (i32.const 131072))))
    (local.get $sum)))
