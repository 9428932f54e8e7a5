;; Traps on purpose: `average` divides by its count, so a count of 0 is an integer divide
;; by zero, reported with a wasm backtrace and exit code 1.
;;
;;   kestrel run examples/trap.wat --invoke average 10 2     # prints 5
;;   kestrel run examples/trap.wat --invoke average 10 0     # trap: integer divide by zero
(module
  (func $divide (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (local.get $b)))
  (func $average (export "average") (param $sum i32) (param $count i32) (result i32)
    (call $divide (local.get $sum) (local.get $count))))
