;; Copies over a large buffer: fills `len` bytes (a multiple of 8, at most 16 MiB) at 0
;; from an LCG with i64 stores, then `reps` times copies them byte by byte (load8/store8) to
;; 16 MiB and back word by word (i64 load/store, adding the repetition number), and finally
;; hashes the buffer with i32 loads. Returns the hash.
(module
  (memory 512)
  (func (export "run") (param $len i32) (param $reps i32) (result i64)
    (local $i i32) (local $r i32) (local $x i64) (local $h i64)
    (local.set $x (i64.const 0x2545f4914f6cdd1d))
    (block $fill_done
      (loop $fill
        (br_if $fill_done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $x
          (i64.add (i64.mul (local.get $x) (i64.const 6364136223846793005))
                   (i64.const 1442695040888963407)))
        (i64.store (local.get $i) (local.get $x))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $fill)))
    (block $reps_done
      (loop $rep
        (br_if $reps_done (i32.ge_u (local.get $r) (local.get $reps)))
        (local.set $i (i32.const 0))
        (block $bytes_done
          (loop $bytes
            (br_if $bytes_done (i32.ge_u (local.get $i) (local.get $len)))
            (i32.store8 offset=16777216 (local.get $i) (i32.load8_u (local.get $i)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $bytes)))
        (local.set $i (i32.const 0))
        (block $words_done
          (loop $words
            (br_if $words_done (i32.ge_u (local.get $i) (local.get $len)))
            (i64.store (local.get $i)
              (i64.add (i64.load offset=16777216 (local.get $i))
                       (i64.extend_i32_u (local.get $r))))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (br $words)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rep)))
    (local.set $i (i32.const 0))
    (block $hash_done
      (loop $hash
        (br_if $hash_done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $h
          (i64.mul
            (i64.rotl (i64.xor (local.get $h) (i64.load32_u (local.get $i))) (i64.const 5))
            (i64.const 0x100000001b3)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $hash)))
    (local.get $h)))
