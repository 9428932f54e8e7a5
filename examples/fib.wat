;; Recursive Fibonacci: fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2).
;;
;;   kestrel run examples/fib.wat --invoke fib 30     # prints 832040
(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib (i32.sub (local.get $n) (i32.const 1)))
          (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
