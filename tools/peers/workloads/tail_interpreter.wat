;; A bytecode interpreter in threaded style: each opcode's handler does its work and
;; dispatches to the next opcode's handler with `return_call_indirect`, passing the
;; machine state (pc, acc, x, counter) as arguments. The program, in memory at 0:
;;   0: MIX   acc = acc * 31 + x
;;   1: INCX  x += 1
;;   2: XOR   acc ^= counter
;;   3: DEC   counter -= 1
;;   4: JNZ 0 if counter != 0, pc = 0
;;   6: HALT  return acc
;; run(n) runs the loop n times: 5n + 1 dispatches, each a tail call.
(module
  (type $op (func (param $pc i32) (param $acc i32) (param $x i32) (param $c i32) (result i32)))
  (memory 1)
  (data (i32.const 0) "\01\02\03\04\05\00\00")
  (table 6 funcref)
  (elem (i32.const 0) $halt $mix $incx $xor $dec $jnz)
  (func $halt (type $op) (param $pc i32) (param $acc i32) (param $x i32) (param $c i32)
    (result i32) (local.get $acc))
  (func $mix (type $op) (param $pc i32) (param $acc i32) (param $x i32) (param $c i32)
    (result i32)
    (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (local.get $x)))
    (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
    (return_call_indirect (type $op) (local.get $pc) (local.get $acc) (local.get $x)
      (local.get $c) (i32.load8_u (local.get $pc))))
  (func $incx (type $op) (param $pc i32) (param $acc i32) (param $x i32) (param $c i32)
    (result i32)
    (local.set $x (i32.add (local.get $x) (i32.const 1)))
    (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
    (return_call_indirect (type $op) (local.get $pc) (local.get $acc) (local.get $x)
      (local.get $c) (i32.load8_u (local.get $pc))))
  (func $xor (type $op) (param $pc i32) (param $acc i32) (param $x i32) (param $c i32)
    (result i32)
    (local.set $acc (i32.xor (local.get $acc) (local.get $c)))
    (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
    (return_call_indirect (type $op) (local.get $pc) (local.get $acc) (local.get $x)
      (local.get $c) (i32.load8_u (local.get $pc))))
  (func $dec (type $op) (param $pc i32) (param $acc i32) (param $x i32) (param $c i32)
    (result i32)
    (local.set $c (i32.sub (local.get $c) (i32.const 1)))
    (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
    (return_call_indirect (type $op) (local.get $pc) (local.get $acc) (local.get $x)
      (local.get $c) (i32.load8_u (local.get $pc))))
  (func $jnz (type $op) (param $pc i32) (param $acc i32) (param $x i32) (param $c i32)
    (result i32)
    (local.set $pc
      (select (i32.load8_u offset=1 (local.get $pc))
              (i32.add (local.get $pc) (i32.const 2))
              (local.get $c)))
    (return_call_indirect (type $op) (local.get $pc) (local.get $acc) (local.get $x)
      (local.get $c) (i32.load8_u (local.get $pc))))
  (func (export "run") (param $n i32) (result i32)
    (call_indirect (type $op) (i32.const 0) (i32.const 0) (i32.const 0) (local.get $n)
      (i32.load8_u (i32.const 0)))))
