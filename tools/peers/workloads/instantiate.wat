;; The instantiation workload: a small module with a memory, a table with an element
;; segment, a mutable global and a data segment. `run` reads all three back.
(module
  (type $get (func (result i32)))
  (memory (export "memory") 1)
  (table (export "table") 4 funcref)
  (global $g (mut i32) (i32.const 41))
  (data (i32.const 16) "kestrel peers")
  (elem (i32.const 0) $one $global)
  (func $one (type $get) (i32.const 1))
  (func $global (type $get)
    (global.set $g (i32.add (global.get $g) (i32.const 1)))
    (global.get $g))
  (func (export "run") (result i32)
    (i32.add
      (i32.add (call_indirect (type $get) (i32.const 0))
               (call_indirect (type $get) (i32.const 1)))
      (i32.load8_u (i32.const 16)))))
