;; Mutual tail recursion: two functions that hand an (n, acc) pair to each other with
;; `return_call`, n calls in all, each one replacing the caller's frame.
(module
  (func $even (param $n i32) (param $acc i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call $odd (i32.sub (local.get $n) (i32.const 1))
                              (i32.add (local.get $acc) (local.get $n))))))
  (func $odd (param $n i32) (param $acc i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call $even (i32.sub (local.get $n) (i32.const 1))
                               (i32.xor (local.get $acc) (local.get $n))))))
  (func (export "run") (param $n i32) (result i32)
    (call $even (local.get $n) (i32.const 0))))
