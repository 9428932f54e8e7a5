;; Throw and catch: each round calls a chain of 10 frames whose innermost throws a tagged
;; exception (payload i32), caught by a `try_table` in the caller of the chain; n rounds.
;; The frames in between have no handler: the throw unwinds through all of them.
(module
  (tag $e (param i32))
  (func $down (param $depth i32) (param $v i32) (result i32)
    (if (i32.eqz (local.get $depth))
      (then (throw $e (local.get $v))))
    (i32.add
      (call $down (i32.sub (local.get $depth) (i32.const 1)) (local.get $v))
      (i32.const 1)))
  (func (export "run") (param $n i32) (result i32)
    (local $sum i32)
    (loop $rounds
      (block $caught (result i32)
        (try_table (catch $e $caught)
          (drop (call $down (i32.const 9) (local.get $n))))
        (i32.const 0))
      (local.set $sum (i32.add (local.get $sum)))
      (br_if $rounds (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $sum)))
