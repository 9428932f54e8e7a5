;; A command-style module: without --invoke, `kestrel run` calls its `_start` export.
;; `_start` here returns the sum of 1..=100 so the effect is visible.
;;
;;   kestrel run examples/start.wat     # prints 5050
(module
  (func (export "_start") (result i32)
    (local $i i32)
    (local $sum i32)
    (loop $next
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $sum (i32.add (local.get $sum) (local.get $i)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 100))))
    (local.get $sum)))
