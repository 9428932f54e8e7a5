;; A loop of `n` indirect calls through a table of eight small functions of one type. The
;; table index depends on the running value, so the target changes from call to call.
(module
  (type $op (func (param i32) (result i32)))
  (table 8 8 funcref)
  (elem (i32.const 0) $inc $dbl $xor $rot $sub $mul $neg $shr)
  (func $inc (type $op) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $op) (i32.shl (local.get 0) (i32.const 1)))
  (func $xor (type $op) (i32.xor (local.get 0) (i32.const 0x5bd1e995)))
  (func $rot (type $op) (i32.rotl (local.get 0) (i32.const 7)))
  (func $sub (type $op) (i32.sub (local.get 0) (i32.const 12345)))
  (func $mul (type $op) (i32.mul (local.get 0) (i32.const 0x01000193)))
  (func $neg (type $op) (i32.sub (i32.const 0) (local.get 0)))
  (func $shr (type $op) (i32.xor (local.get 0) (i32.shr_u (local.get 0) (i32.const 13))))
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (local.set $acc (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc
          (call_indirect (type $op)
            (local.get $acc)
            (i32.and
              (i32.add (local.get $i) (i32.shr_u (local.get $acc) (i32.const 29)))
              (i32.const 7))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
