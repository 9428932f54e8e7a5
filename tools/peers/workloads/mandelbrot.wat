;; Mandelbrot set over [-2, 1] x [-1.5, 1.5] on a size x size grid, at most `max`
;; iterations per point; returns the total number of iterations. Pure f64 arithmetic.
(module
  (func (export "run") (param $size i32) (param $max i32) (result i64)
    (local $px i32) (local $py i32) (local $it i32) (local $total i64)
    (local $scale f64) (local $cr f64) (local $ci f64)
    (local $zr f64) (local $zi f64) (local $zr2 f64) (local $zi2 f64)
    (local.set $scale (f64.div (f64.const 3) (f64.convert_i32_u (local.get $size))))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $py) (local.get $size)))
        (local.set $ci
          (f64.sub (f64.mul (f64.convert_i32_u (local.get $py)) (local.get $scale))
                   (f64.const 1.5)))
        (local.set $px (i32.const 0))
        (block $cols_done
          (loop $cols
            (br_if $cols_done (i32.ge_u (local.get $px) (local.get $size)))
            (local.set $cr
              (f64.sub (f64.mul (f64.convert_i32_u (local.get $px)) (local.get $scale))
                       (f64.const 2)))
            (local.set $zr (f64.const 0))
            (local.set $zi (f64.const 0))
            (local.set $it (i32.const 0))
            (block $escaped
              (loop $iterate
                (local.set $zr2 (f64.mul (local.get $zr) (local.get $zr)))
                (local.set $zi2 (f64.mul (local.get $zi) (local.get $zi)))
                (br_if $escaped
                  (f64.gt (f64.add (local.get $zr2) (local.get $zi2)) (f64.const 4)))
                (br_if $escaped (i32.ge_u (local.get $it) (local.get $max)))
                (local.set $zi
                  (f64.add (f64.mul (f64.mul (f64.const 2) (local.get $zr)) (local.get $zi))
                           (local.get $ci)))
                (local.set $zr
                  (f64.add (f64.sub (local.get $zr2) (local.get $zi2)) (local.get $cr)))
                (local.set $it (i32.add (local.get $it) (i32.const 1)))
                (br $iterate)))
            (local.set $total (i64.add (local.get $total) (i64.extend_i32_u (local.get $it))))
            (local.set $px (i32.add (local.get $px) (i32.const 1)))
            (br $cols)))
        (local.set $py (i32.add (local.get $py) (i32.const 1)))
        (br $rows)))
    (local.get $total)))
