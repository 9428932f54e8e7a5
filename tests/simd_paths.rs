//! The two vector paths ("DESIGN: vector paths" in `compiler::codegen::simd`) and the
//! relaxed SIMD choices (`docs/simd.md`).
//!
//! The spec suites check every SIMD instruction's result on both paths where the spec
//! fixes it; where it allows several (NaN signs and payloads, the relaxed instructions)
//! only equality of the paths shows they agree. So every vector-producing operator here
//! runs on the AVX2 path and on the forced SSE4.1 path over edge-case and random lanes,
//! with its second operand both in a frame slot (which the AVX2 path folds into the
//! instruction) and in a register, and the results must be equal bit for bit. The relaxed
//! instructions' documented choices are then checked one by one.

use kestrel::{Config, Engine, Module, Val, VectorInstructions};

/// Binary operators `(v128, v128) -> v128`, by text name.
const BINARY: &[&str] = &[
    "v128.and",
    "v128.or",
    "v128.xor",
    "v128.andnot",
    "i8x16.add",
    "i8x16.sub",
    "i8x16.add_sat_s",
    "i8x16.add_sat_u",
    "i8x16.sub_sat_s",
    "i8x16.sub_sat_u",
    "i8x16.min_s",
    "i8x16.min_u",
    "i8x16.max_s",
    "i8x16.max_u",
    "i8x16.avgr_u",
    "i8x16.eq",
    "i8x16.ne",
    "i8x16.lt_s",
    "i8x16.lt_u",
    "i8x16.gt_s",
    "i8x16.gt_u",
    "i8x16.le_s",
    "i8x16.le_u",
    "i8x16.ge_s",
    "i8x16.ge_u",
    "i8x16.swizzle",
    "i8x16.narrow_i16x8_s",
    "i8x16.narrow_i16x8_u",
    "i8x16.relaxed_swizzle",
    "i16x8.add",
    "i16x8.sub",
    "i16x8.mul",
    "i16x8.add_sat_s",
    "i16x8.add_sat_u",
    "i16x8.sub_sat_s",
    "i16x8.sub_sat_u",
    "i16x8.min_s",
    "i16x8.min_u",
    "i16x8.max_s",
    "i16x8.max_u",
    "i16x8.avgr_u",
    "i16x8.eq",
    "i16x8.ne",
    "i16x8.lt_s",
    "i16x8.lt_u",
    "i16x8.gt_s",
    "i16x8.gt_u",
    "i16x8.le_s",
    "i16x8.le_u",
    "i16x8.ge_s",
    "i16x8.ge_u",
    "i16x8.q15mulr_sat_s",
    "i16x8.narrow_i32x4_s",
    "i16x8.narrow_i32x4_u",
    "i16x8.extmul_low_i8x16_s",
    "i16x8.extmul_high_i8x16_u",
    "i16x8.relaxed_q15mulr_s",
    "i16x8.relaxed_dot_i8x16_i7x16_s",
    "i32x4.add",
    "i32x4.sub",
    "i32x4.mul",
    "i32x4.min_s",
    "i32x4.min_u",
    "i32x4.max_s",
    "i32x4.max_u",
    "i32x4.eq",
    "i32x4.ne",
    "i32x4.lt_s",
    "i32x4.lt_u",
    "i32x4.gt_s",
    "i32x4.gt_u",
    "i32x4.le_s",
    "i32x4.le_u",
    "i32x4.ge_s",
    "i32x4.ge_u",
    "i32x4.dot_i16x8_s",
    "i32x4.extmul_high_i16x8_s",
    "i32x4.extmul_low_i16x8_u",
    "i64x2.add",
    "i64x2.sub",
    "i64x2.mul",
    "i64x2.eq",
    "i64x2.ne",
    "i64x2.lt_s",
    "i64x2.gt_s",
    "i64x2.le_s",
    "i64x2.ge_s",
    "i64x2.extmul_low_i32x4_s",
    "i64x2.extmul_high_i32x4_u",
    "f32x4.add",
    "f32x4.sub",
    "f32x4.mul",
    "f32x4.div",
    "f32x4.min",
    "f32x4.max",
    "f32x4.pmin",
    "f32x4.pmax",
    "f32x4.eq",
    "f32x4.ne",
    "f32x4.lt",
    "f32x4.le",
    "f32x4.gt",
    "f32x4.ge",
    "f32x4.relaxed_min",
    "f32x4.relaxed_max",
    "f64x2.add",
    "f64x2.sub",
    "f64x2.mul",
    "f64x2.div",
    "f64x2.min",
    "f64x2.max",
    "f64x2.pmin",
    "f64x2.pmax",
    "f64x2.eq",
    "f64x2.ne",
    "f64x2.lt",
    "f64x2.le",
    "f64x2.gt",
    "f64x2.ge",
    "f64x2.relaxed_min",
    "f64x2.relaxed_max",
];

/// Unary operators `v128 -> v128`.
const UNARY: &[&str] = &[
    "v128.not",
    "i8x16.abs",
    "i8x16.neg",
    "i8x16.popcnt",
    "i16x8.abs",
    "i16x8.neg",
    "i32x4.abs",
    "i32x4.neg",
    "i64x2.abs",
    "i64x2.neg",
    "i16x8.extend_low_i8x16_s",
    "i16x8.extend_high_i8x16_u",
    "i32x4.extend_high_i16x8_s",
    "i64x2.extend_low_i32x4_u",
    "i16x8.extadd_pairwise_i8x16_s",
    "i16x8.extadd_pairwise_i8x16_u",
    "i32x4.extadd_pairwise_i16x8_s",
    "i32x4.extadd_pairwise_i16x8_u",
    "f32x4.abs",
    "f32x4.neg",
    "f32x4.sqrt",
    "f32x4.ceil",
    "f32x4.floor",
    "f32x4.trunc",
    "f32x4.nearest",
    "f64x2.abs",
    "f64x2.neg",
    "f64x2.sqrt",
    "f64x2.ceil",
    "f64x2.floor",
    "f64x2.trunc",
    "f64x2.nearest",
    "f32x4.convert_i32x4_s",
    "f32x4.convert_i32x4_u",
    "f64x2.convert_low_i32x4_s",
    "f64x2.convert_low_i32x4_u",
    "f32x4.demote_f64x2_zero",
    "f64x2.promote_low_f32x4",
    "i32x4.trunc_sat_f32x4_s",
    "i32x4.trunc_sat_f32x4_u",
    "i32x4.trunc_sat_f64x2_s_zero",
    "i32x4.trunc_sat_f64x2_u_zero",
    "i32x4.relaxed_trunc_f32x4_s",
    "i32x4.relaxed_trunc_f32x4_u",
    "i32x4.relaxed_trunc_f64x2_s_zero",
    "i32x4.relaxed_trunc_f64x2_u_zero",
];

/// Ternary operators `(v128, v128, v128) -> v128`.
const TERNARY: &[&str] = &[
    "v128.bitselect",
    "f32x4.relaxed_madd",
    "f32x4.relaxed_nmadd",
    "f64x2.relaxed_madd",
    "f64x2.relaxed_nmadd",
    "i8x16.relaxed_laneselect",
    "i16x8.relaxed_laneselect",
    "i32x4.relaxed_laneselect",
    "i64x2.relaxed_laneselect",
    "i32x4.relaxed_dot_i8x16_i7x16_add_s",
];

/// Operators `(v128, i32) -> v128` (shifts) and `v128 -> i32`.
const SHIFTS: &[&str] = &[
    "i8x16.shl",
    "i8x16.shr_s",
    "i8x16.shr_u",
    "i16x8.shl",
    "i16x8.shr_s",
    "i16x8.shr_u",
    "i32x4.shl",
    "i32x4.shr_s",
    "i32x4.shr_u",
    "i64x2.shl",
    "i64x2.shr_s",
    "i64x2.shr_u",
];
const TO_I32: &[&str] = &[
    "v128.any_true",
    "i8x16.all_true",
    "i16x8.all_true",
    "i32x4.all_true",
    "i64x2.all_true",
    "i8x16.bitmask",
    "i16x8.bitmask",
    "i32x4.bitmask",
    "i64x2.bitmask",
];

/// A module with two exports per binary operator (`OP/slot`: b read from its local's
/// slot; `OP/reg`: b computed into a register first) and one per other operator, plus
/// splats, lane accesses, shuffles and memory forms.
fn module_text() -> String {
    let mut m = String::from("(module (memory (export \"memory\") 1)\n");
    for op in BINARY {
        m += &format!(
            "(func (export \"{op}/slot\") (param v128 v128) (result v128) \
             ({op} (local.get 0) (local.get 1)))\n\
             (func (export \"{op}/reg\") (param v128 v128) (result v128) \
             ({op} (local.get 0) (v128.or (local.get 1) (local.get 1))))\n"
        );
    }
    for op in UNARY {
        m += &format!("(func (export \"{op}\") (param v128) (result v128) ({op} (local.get 0)))\n");
    }
    for op in TERNARY {
        m += &format!(
            "(func (export \"{op}/slot\") (param v128 v128 v128) (result v128) \
             ({op} (local.get 0) (local.get 1) (local.get 2)))\n\
             (func (export \"{op}/reg\") (param v128 v128 v128) (result v128) \
             ({op} (local.get 0) (v128.or (local.get 1) (local.get 1)) \
             (v128.or (local.get 2) (local.get 2))))\n"
        );
    }
    for op in SHIFTS {
        m += &format!(
            "(func (export \"{op}\") (param v128 i32) (result v128) \
             ({op} (local.get 0) (local.get 1)))\n"
        );
    }
    for op in TO_I32 {
        m += &format!("(func (export \"{op}\") (param v128) (result i32) ({op} (local.get 0)))\n");
    }
    // Splats from a lane of the operand, lane reads and writes, shuffles, and the memory
    // forms at an unaligned address.
    m += r#"
      (func (export "splats") (param v128) (result v128)
        (v128.xor
          (v128.xor (i8x16.splat (i8x16.extract_lane_u 3 (local.get 0)))
                    (i16x8.splat (i16x8.extract_lane_s 5 (local.get 0))))
          (v128.xor
            (v128.xor (i32x4.splat (i32x4.extract_lane 1 (local.get 0)))
                      (i64x2.splat (i64x2.extract_lane 1 (local.get 0))))
            (v128.xor (f32x4.splat (f32x4.extract_lane 2 (local.get 0)))
                      (f64x2.splat (f64x2.extract_lane 1 (local.get 0)))))))
      (func (export "replace") (param v128 v128) (result v128)
        (f64x2.replace_lane 1
          (f32x4.replace_lane 3
            (i8x16.replace_lane 9 (local.get 0) (i8x16.extract_lane_s 0 (local.get 1)))
            (f32x4.extract_lane 0 (local.get 1)))
          (f64x2.extract_lane 0 (local.get 1))))
      (func (export "shuffle") (param v128 v128) (result v128)
        (i8x16.shuffle 31 0 17 2 19 4 21 6 8 25 10 27 12 29 14 1
          (local.get 0) (local.get 1)))
      (func (export "memory forms") (param v128 v128) (result v128)
        (v128.store offset=3 (i32.const 1) (local.get 0))
        (v128.store64_lane offset=21 1 (i32.const 0) (local.get 1))
        (v128.xor
          (v128.xor (v128.load8_splat offset=5 (i32.const 0))
                    (v128.load16_splat offset=7 (i32.const 0)))
          (v128.xor
            (v128.xor (v128.load32_splat offset=9 (i32.const 0))
                      (v128.load64_splat offset=11 (i32.const 0)))
            (v128.xor
              (v128.xor (v128.load8x8_s offset=2 (i32.const 0))
                        (v128.load32_zero offset=13 (i32.const 0)))
              (v128.load16_lane offset=19 6 (i32.const 0) (local.get 1))))))
    "#;
    m + ")"
}

/// Lane patterns where the paths could differ: NaNs of both signs with and without
/// payloads, zeros, infinities, the edges of integer conversions, denormals.
fn edge_vectors() -> Vec<u128> {
    let f32s: [u32; 16] = [
        0x7fc0_0000,
        0xffc0_0000,
        0x7fa0_0001,
        0xff80_0001,
        0x0000_0000,
        0x8000_0000,
        0x7f80_0000,
        0xff80_0000,
        0x3f80_0000,
        0xbfc0_0000,
        0x4f00_0000,
        0xcf00_0000,
        0x4f80_0000,
        0x0000_0001,
        0x7f7f_ffff,
        0x3f80_0001,
    ];
    let f64s: [u64; 12] = [
        0x7ff8_0000_0000_0000,
        0xfff8_0000_0000_0000,
        0x7ff4_0000_0000_0001,
        0x0000_0000_0000_0000,
        0x8000_0000_0000_0000,
        0x7ff0_0000_0000_0000,
        0x41e0_0000_0000_0000,
        0xc1e0_0000_0020_0000,
        0x41f0_0000_0000_0000,
        0x0000_0000_0000_0001,
        0xbff8_0000_0000_0000,
        0x3ff0_0000_0000_0001,
    ];
    let mut out = Vec::new();
    for i in 0..f32s.len() {
        let lanes = [0, 5, 9, 14].map(|k| f32s[(i + k) % f32s.len()] as u128);
        out.push(lanes[0] | lanes[1] << 32 | lanes[2] << 64 | lanes[3] << 96);
    }
    for i in 0..f64s.len() {
        out.push(f64s[i] as u128 | (f64s[(i + 7) % f64s.len()] as u128) << 64);
    }
    out.extend([0, u128::MAX, 0x8000_8000_8000_8000_8000_8000_8000_8000]);
    out.push(u128::from_le_bytes(std::array::from_fn(|i| {
        0x7e + i as u8 * 9
    })));
    out
}

/// xorshift128+ vectors from `seed`.
fn random_vectors(seed: u64, count: usize) -> Vec<u128> {
    let (mut s0, mut s1) = (seed | 1, seed.rotate_left(17) ^ 0x9e37_79b9_7f4a_7c15);
    let mut next = move || {
        let (mut x, y) = (s0, s1);
        s0 = y;
        x ^= x << 23;
        s1 = x ^ y ^ (x >> 17) ^ (y >> 26);
        s1.wrapping_add(y)
    };
    (0..count)
        .map(|_| next() as u128 | (next() as u128) << 64)
        .collect()
}

/// `text` compiled and instantiated with SIMD code on `path`.
fn instantiate_on(path: VectorInstructions, text: &str) -> (Module, kestrel::Instance) {
    let mut config = Config::new();
    config.vector_instructions(path);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, text).expect("the module compiles");
    let instance = kestrel::Linker::new(&engine)
        .instantiate(&module)
        .expect("instantiates");
    (module, instance)
}

/// The results of every export of `module_text` over `inputs`, in one order.
fn run_all(path: VectorInstructions, inputs: &[u128]) -> Vec<(String, Vec<Val>)> {
    let (module, instance) = instantiate_on(path, &module_text());
    let mut exports: Vec<String> = module.exports().into_iter().map(|e| e.0).collect();
    exports.retain(|n| n != "memory");
    let mut out = Vec::new();
    for name in exports {
        let func = instance.get_func(&name).unwrap();
        let arity = func.ty().params().len();
        for (i, &a) in inputs.iter().enumerate() {
            let b = inputs[(i * 7 + 3) % inputs.len()];
            let c = inputs[(i * 13 + 5) % inputs.len()];
            let args: Vec<Val> = func
                .ty()
                .params()
                .iter()
                .enumerate()
                .map(|(k, ty)| match (k, ty) {
                    (_, kestrel::ValType::I32) => Val::I32((a as i32) & 0x7f),
                    (0, _) => Val::V128(a),
                    (1, _) => Val::V128(b),
                    _ => Val::V128(c),
                })
                .collect();
            assert_eq!(args.len(), arity);
            let results = func.call(&args).unwrap_or_else(|e| panic!("{name}: {e}"));
            out.push((format!("{name} #{i}"), results));
        }
    }
    out
}

fn bits(v: &[Val]) -> Vec<u128> {
    v.iter()
        .map(|v| match v {
            Val::V128(x) => *x,
            Val::I32(x) => *x as u32 as u128,
            other => panic!("unexpected result {other:?}"),
        })
        .collect()
}

#[test]
fn both_vector_paths_give_the_same_bits() {
    let have_avx2 = is_x86_feature_detected!("avx") && is_x86_feature_detected!("avx2");
    if !have_avx2 {
        eprintln!("this CPU has no AVX2: both runs use the SSE4.1 path");
    }
    let mut inputs = edge_vectors();
    inputs.extend(random_vectors(0x5eed, 48));
    let best = run_all(VectorInstructions::Detect, &inputs);
    let baseline = run_all(VectorInstructions::Sse41, &inputs);
    assert_eq!(best.len(), baseline.len());
    // Every operator is there: two exports per binary and ternary one, one per other.
    let exports =
        2 * BINARY.len() + UNARY.len() + 2 * TERNARY.len() + SHIFTS.len() + TO_I32.len() + 4;
    assert_eq!(best.len(), exports * inputs.len());
    let mut differ = Vec::new();
    for ((name, a), (_, b)) in best.iter().zip(&baseline) {
        if bits(a) != bits(b) {
            differ.push(format!(
                "{name}: {:x?} (AVX2) vs {:x?} (SSE4.1)",
                bits(a),
                bits(b)
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "the paths differ:\n{}",
        differ.join("\n")
    );
}

/// Results of one relaxed instruction on both paths, which must agree.
fn relaxed(op: &str, args: &[u128]) -> u128 {
    let params = vec!["v128"; args.len()].join(" ");
    let gets: String = (0..args.len())
        .map(|i| format!("(local.get {i}) "))
        .collect();
    let text =
        format!("(module (func (export \"f\") (param {params}) (result v128) ({op} {gets})))");
    let mut results = Vec::new();
    for path in [VectorInstructions::Detect, VectorInstructions::Sse41] {
        let (_, instance) = instantiate_on(path, &text);
        let args: Vec<Val> = args.iter().map(|&a| Val::V128(a)).collect();
        match instance.get_func("f").unwrap().call(&args).unwrap()[..] {
            [Val::V128(v)] => results.push(v),
            ref other => panic!("{op}: {other:?}"),
        }
    }
    assert_eq!(results[0], results[1], "{op}: the paths differ");
    results[0]
}

fn f32x4(lanes: [u32; 4]) -> u128 {
    lanes
        .iter()
        .enumerate()
        .fold(0, |v, (i, &l)| v | (l as u128) << (32 * i))
}

fn f64x2(lanes: [u64; 2]) -> u128 {
    lanes[0] as u128 | (lanes[1] as u128) << 64
}

/// Each relaxed instruction gives the result `docs/simd.md` documents where the spec
/// allows a choice.
#[test]
fn relaxed_instructions_make_the_documented_choices() {
    const NAN: u32 = 0x7fc0_0000;
    let bytes = u128::from_le_bytes(std::array::from_fn(|i| 0xa0 + i as u8));
    // Swizzle: an index of 16-127 takes the lane of its low four bits; 128 and up give 0.
    let indices = u128::from_le_bytes([
        0, 15, 16, 17, 0x1f, 0x7f, 0x80, 0xff, 0x40, 3, 0x93, 0x21, 1, 2, 0x70, 0x8f,
    ]);
    let expected = u128::from_le_bytes([
        0xa0, 0xaf, 0xa0, 0xa1, 0xaf, 0xaf, 0, 0, 0xa0, 0xa3, 0, 0xa1, 0xa1, 0xa2, 0xa0, 0,
    ]);
    assert_eq!(
        relaxed("i8x16.relaxed_swizzle", &[bytes, indices]),
        expected
    );
    // Signed truncation: NaN and out-of-range lanes give i32::MIN (0x80000000).
    let floats = f32x4([NAN, 0x4f80_0000, 0xcf80_0000, 0xc0a0_0000]); // NaN, 2^32, -2^32, -5
    assert_eq!(
        relaxed("i32x4.relaxed_trunc_f32x4_s", &[floats]),
        f32x4([0x8000_0000, 0x8000_0000, 0x8000_0000, (-5i32) as u32])
    );
    // Unsigned truncation saturates (NaN and negative lanes to 0, large to u32::MAX).
    assert_eq!(
        relaxed("i32x4.relaxed_trunc_f32x4_u", &[floats]),
        f32x4([0, u32::MAX, 0, 0])
    );
    let doubles = f64x2([0x7ff8_0000_0000_0000, 0x41f0_0000_0000_0000]); // NaN, 2^32
    assert_eq!(
        relaxed("i32x4.relaxed_trunc_f64x2_s_zero", &[doubles]),
        f32x4([0x8000_0000, 0x8000_0000, 0, 0])
    );
    assert_eq!(
        relaxed("i32x4.relaxed_trunc_f64x2_u_zero", &[doubles]),
        f32x4([0, u32::MAX, 0, 0])
    );
    // Multiply-add is unfused: (1 + 2^-23)^2 - (1 + 2^-22) is 0 with the product rounded,
    // 2^-46 with one rounding.
    let a = f32x4([0x3f80_0001; 4]); // 1 + 2^-23
    let c = f32x4([0xbf80_0002; 4]); // -(1 + 2^-22)
    assert_eq!(relaxed("f32x4.relaxed_madd", &[a, a, c]), f32x4([0; 4]));
    let minus_a = f32x4([0xbf80_0001; 4]);
    let minus_c = f32x4([0x3f80_0002; 4]);
    // nmadd: -(a * -a) + -c = a^2 - c', unfused: +0 (c - p with equal values).
    assert_eq!(
        relaxed("f32x4.relaxed_nmadd", &[a, minus_a, c]),
        f32x4([0; 4])
    );
    assert_eq!(
        relaxed("f32x4.relaxed_nmadd", &[a, a, minus_c]),
        f32x4([0; 4])
    );
    let da = f64x2([0x3ff0_0000_0000_0001; 2]);
    let dc = f64x2([0xbff0_0000_0000_0002; 2]);
    assert_eq!(relaxed("f64x2.relaxed_madd", &[da, da, dc]), 0);
    // Lane select is bitwise, whatever the lane width.
    let mask = 0x00ff_f0f0_0000_ffff_1234_5678_9abc_def0u128;
    for op in [
        "i8x16.relaxed_laneselect",
        "i16x8.relaxed_laneselect",
        "i32x4.relaxed_laneselect",
        "i64x2.relaxed_laneselect",
    ] {
        assert_eq!(relaxed(op, &[u128::MAX, 0, mask]), mask, "{op}");
    }
    // Min and max return the second operand when either lane is NaN or both are zeros.
    let x = f32x4([NAN, 0x3f80_0000, 0x0000_0000, 0x8000_0000]); // NaN, 1, +0, -0
    let y = f32x4([0x4000_0000, NAN, 0x8000_0000, 0x0000_0000]); // 2, NaN, -0, +0
    assert_eq!(relaxed("f32x4.relaxed_min", &[x, y]), y);
    assert_eq!(relaxed("f32x4.relaxed_max", &[x, y]), y);
    let dx = f64x2([0x7ff8_0000_0000_0000, 0]);
    let dy = f64x2([0x4000_0000_0000_0000, 0x8000_0000_0000_0000]);
    assert_eq!(relaxed("f64x2.relaxed_min", &[dx, dy]), dy);
    assert_eq!(relaxed("f64x2.relaxed_max", &[dx, dy]), dy);
    // Q15 multiply: -1 * -1 (0x8000 squared) wraps to 0x8000 instead of saturating.
    let q = u128::from_le_bytes(std::array::from_fn(|i| if i % 2 == 1 { 0x80 } else { 0 }));
    assert_eq!(relaxed("i16x8.relaxed_q15mulr_s", &[q, q]), q);
    // Dot product: a b byte with its top bit set counts as unsigned, pair sums saturate.
    let a = u128::from_le_bytes([0x80, 0x80, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let b = u128::from_le_bytes([0x81, 0x81, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // -128 * 129 * 2 saturates to -32768; 3 * 5 + 4 * 6 = 39.
    assert_eq!(
        relaxed("i16x8.relaxed_dot_i8x16_i7x16_s", &[a, b]),
        0x8000 | 39 << 16
    );
    let acc = f32x4([1, 2, 3, 4]);
    assert_eq!(
        relaxed("i32x4.relaxed_dot_i8x16_i7x16_add_s", &[a, b, acc]),
        f32x4([(-32768i32 + 39 + 1) as u32, 2, 3, 4])
    );
}

#[test]
fn relaxed_simd_can_be_turned_off() {
    let text = "(module (func (drop (i8x16.relaxed_swizzle (v128.const i64x2 0 0) \
                (v128.const i64x2 0 0)))))";
    assert!(Module::new(&Engine::new(&Config::new()), text).is_ok());
    let mut config = Config::new();
    config.relaxed_simd(false);
    let err = Module::new(&Engine::new(&config), text).unwrap_err();
    assert!(err.to_string().contains("relaxed SIMD"), "{err}");
}

/// A shift by a constant count (compiled to the immediate form) gives what the same
/// shift by that count computed at run time gives, every count taken modulo the lane
/// width, on both paths.
#[test]
fn constant_shift_counts_shift_like_computed_ones() {
    const COUNTS: [i32; 11] = [0, 1, 3, 7, 8, 15, 31, 35, 63, 100, -1];
    let mut text = String::from("(module\n");
    for op in SHIFTS {
        text += &format!(
            "(func (export \"{op}\") (param v128 i32) (result v128) \
             ({op} (local.get 0) (local.get 1)))\n"
        );
        for c in COUNTS {
            text += &format!(
                "(func (export \"{op} {c}\") (param v128) (result v128) \
                 ({op} (local.get 0) (i32.const {c})))\n"
            );
        }
    }
    text += ")";
    let inputs = random_vectors(0xc0de, 8);
    for path in [VectorInstructions::Detect, VectorInstructions::Sse41] {
        let (_, instance) = instantiate_on(path, &text);
        for op in SHIFTS {
            let computed = instance.get_func(op).unwrap();
            for c in COUNTS {
                let constant = instance.get_func(&format!("{op} {c}")).unwrap();
                for &v in &inputs {
                    let want = computed.call(&[Val::V128(v), Val::I32(c)]).unwrap();
                    let got = constant.call(&[Val::V128(v)]).unwrap();
                    assert_eq!(bits(&got), bits(&want), "{path:?}: {op} by {c} of {v:#x}");
                }
            }
        }
    }
}

/// Shuffles of every kind give the bytes they name: from both operands (two masks), from
/// one (one `pshufb`), and whole 32-bit lanes of one (`pshufd`), on both paths.
#[test]
fn shuffles_pick_the_bytes_they_name() {
    let mut patterns: Vec<[u8; 16]> = vec![
        std::array::from_fn(|i| (i as u8 + 4) % 16),
        std::array::from_fn(|i| 16 + (i as u8 + 12) % 16),
        std::array::from_fn(|i| [12, 13, 14, 15][i % 4]),
        std::array::from_fn(|i| 16 + (15 - i as u8)),
        std::array::from_fn(|i| if i % 2 == 0 { i as u8 } else { 16 + i as u8 }),
        // Almost whole lanes: the last byte out of place.
        std::array::from_fn(|i| if i == 15 { 14 } else { i as u8 }),
    ];
    let random = random_vectors(0x5u64, 8);
    for r in &random {
        let bytes = r.to_le_bytes();
        patterns.push(bytes.map(|b| b % 32));
        patterns.push(bytes.map(|b| b % 16));
        patterns.push(bytes.map(|b| 16 + b % 16));
    }
    let mut text = String::from("(module\n");
    for (k, p) in patterns.iter().enumerate() {
        let lanes: Vec<String> = p.iter().map(u8::to_string).collect();
        text += &format!(
            "(func (export \"s{k}\") (param v128 v128) (result v128) \
             (i8x16.shuffle {} (local.get 0) (local.get 1)))\n",
            lanes.join(" ")
        );
    }
    text += ")";
    let (a, b) = (random[0], random[1]);
    let (ab, bb) = (a.to_le_bytes(), b.to_le_bytes());
    for path in [VectorInstructions::Detect, VectorInstructions::Sse41] {
        let (_, instance) = instantiate_on(path, &text);
        for (k, p) in patterns.iter().enumerate() {
            let want = u128::from_le_bytes(p.map(|l| {
                if l < 16 {
                    ab[l as usize]
                } else {
                    bb[l as usize - 16]
                }
            }));
            let f = instance.get_func(&format!("s{k}")).unwrap();
            let got = f.call(&[Val::V128(a), Val::V128(b)]).unwrap();
            assert_eq!(bits(&got), vec![want], "{path:?}: shuffle {p:?}");
        }
    }
}
