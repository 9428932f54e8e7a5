;; Factorial over i64, as a loop: fac(20) is the largest that fits.
;;
;;   kestrel run examples/factorial.wat --invoke fac 20     # prints 2432902008176640000
(module
  (func $fac (export "fac") (param $n i64) (result i64)
    (local $acc i64)
    (local.set $acc (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i64.le_s (local.get $n) (i64.const 1)))
        (local.set $acc (i64.mul (local.get $acc) (local.get $n)))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $next)))
    (local.get $acc)))
