;; Sieve of Eratosthenes over `n` byte flags (n a multiple of 4, at most 16 MiB), repeated
;; `reps` times; returns the number of primes below n. Word stores to reset, byte stores
;; to strike, byte loads to count.
(module
  (memory 256)
  (func (export "run") (param $n i32) (param $reps i32) (result i32)
    (local $i i32) (local $j i32) (local $count i32) (local $r i32)
    (loop $rep
      (local.set $i (i32.const 0))
      (block $reset_done
        (loop $reset
          (br_if $reset_done (i32.ge_u (local.get $i) (local.get $n)))
          (i32.store (local.get $i) (i32.const 0x01010101))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br $reset)))
      (i32.store8 (i32.const 0) (i32.const 0))
      (i32.store8 (i32.const 1) (i32.const 0))
      (local.set $i (i32.const 2))
      (block $outer_done
        (loop $outer
          (br_if $outer_done
            (i32.ge_u (i32.mul (local.get $i) (local.get $i)) (local.get $n)))
          (if (i32.load8_u (local.get $i))
            (then
              (local.set $j (i32.mul (local.get $i) (local.get $i)))
              (block $strike_done
                (loop $strike
                  (br_if $strike_done (i32.ge_u (local.get $j) (local.get $n)))
                  (i32.store8 (local.get $j) (i32.const 0))
                  (local.set $j (i32.add (local.get $j) (local.get $i)))
                  (br $strike)))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $outer)))
      (local.set $count (i32.const 0))
      (local.set $i (i32.const 0))
      (block $count_done
        (loop $count_loop
          (br_if $count_done (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $count (i32.add (local.get $count) (i32.load8_u (local.get $i))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $count_loop)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br_if $rep (i32.lt_u (local.get $r) (local.get $reps))))
    (local.get $count)))
