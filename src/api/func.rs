//! Functions: `Func` (wasm or host), host functions from Rust closures, and typed calls.

use crate::abi::frame::Landing;
use crate::abi::frame::VMCTX_SAVE;
use crate::abi::frame::{area_offsets, area_units};
use crate::abi::vmctx::{HostCtxHeader, VMFuncRef};
use crate::api::engine::Engine;
use crate::api::linker::Extern;
use crate::api::val::Val;
use crate::error::{Error, Result};
use crate::runtime::activation;
use crate::runtime::entry::call_wasm;
use crate::runtime::instance::{instance_of, InstanceData};
use crate::runtime::interrupt;
use crate::runtime::trampolines::{trampolines, Returned};
use crate::trap::{Trap, TrapKind};
use crate::types::registry;
use crate::types::{FuncType, ValType};
use std::any::Any;
use std::marker::PhantomData;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

type HostFn = dyn Fn(&Caller, &[Val], &mut [Val]) -> Result<(), Trap> + Send + Sync;

/// The instance whose wasm code called a host function, as that function sees it: its
/// exports (a WASI function reads and writes the caller's exported `memory`). A host
/// function called directly from the host, not from wasm, has no caller instance.
///
/// It is found only when asked for, so host functions that never ask pay nothing; a
/// `Caller` exists only for the duration of the call it describes (the host function
/// receives a reference and cannot keep it).
pub struct Caller {
    /// The host-call trampoline's frame pointer, or 0 when called from the host.
    trampoline_fp: usize,
}

impl std::fmt::Debug for Caller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caller")
            .field("has_instance", &self.instance().is_some())
            .finish()
    }
}

impl Caller {
    /// The calling instance's export called `name`, if the host function was called from
    /// wasm code and the instance exports it.
    pub fn get_export(&self, name: &str) -> Option<Extern> {
        let data = self.instance()?;
        let e = data.module.info.exports.iter().find(|e| e.name == name)?;
        Some(crate::api::instance::extern_for(&data, e.index))
    }

    /// The calling instance's exported memory `name` (WASI programs export `memory`).
    pub fn get_memory(&self, name: &str) -> Option<crate::runtime::memory::Memory> {
        self.get_export(name)?.into_memory()
    }

    /// The caller of a host function entered from the host-call trampoline with frame
    /// pointer `fp`.
    ///
    /// # Safety
    /// `fp` must be the host-call trampoline's frame on this thread, inside `call_wasm`,
    /// and the `Caller` must not outlive that call.
    unsafe fn from_trampoline_frame(fp: usize) -> Caller {
        Caller { trampoline_fp: fp }
    }

    /// A caller for a host function called from the host.
    fn none() -> Caller {
        Caller { trampoline_fp: 0 }
    }

    /// The calling instance, read from the calling wasm frame.
    fn instance(&self) -> Option<Arc<InstanceData>> {
        let fp = self.trampoline_fp;
        if fp == 0 {
            return None;
        }
        // SAFETY: `fp` is the trampoline's frame of the call this `Caller` lives in (the
        // constructor's contract); the trampoline keeps an rbp frame: [fp] is its caller's
        // rbp and [fp + 8] the return address into its caller.
        let (caller_fp, ret) = unsafe { (*(fp as *const usize), *((fp + 8) as *const usize)) };
        if !crate::code_memory::is_wasm_pc(ret) {
            return None;
        }
        // SAFETY: a wasm function saves its own vmctx at VMCTX_SAVE before every call into
        // another context, and a host function always is one (`codegen::calls`); the
        // vmctx belongs to a live instance for the whole call.
        let data = unsafe {
            let vmctx = *((caller_fp as isize + VMCTX_SAVE as isize) as *const *mut u8);
            instance_of(vmctx) as *const InstanceData
        };
        // SAFETY: instances live in an Arc (the vmctx's INSTANCE word is Arc::as_ptr), and
        // the instance is alive while its code runs, so one more strong reference is valid.
        Some(unsafe {
            Arc::increment_strong_count(data);
            Arc::from_raw(data)
        })
    }
}

/// The context of a host function, passed in r15 like a vmctx: it starts with the
/// header a vmctx starts with (`abi::vmctx::HostCtxHeader`), so callers need not know
/// whether the callee is wasm or host.
#[repr(C)]
pub(crate) struct HostFuncCtx {
    header: HostCtxHeader,
    func: Box<HostFn>,
    ty: FuncType,
}

/// A host function's storage: its context and its function reference.
struct HostFunc {
    /// Referenced (as the callee context) by `funcref`.
    _ctx: Box<HostFuncCtx>,
    funcref: Box<VMFuncRef>,
}

// SAFETY: the context and funcref are immutable after creation.
unsafe impl Send for HostFunc {}
// SAFETY: as above.
unsafe impl Sync for HostFunc {}

/// Called by the host-call trampoline: decodes the wasm arguments, runs the closure and
/// encodes its results. Returns null, or the activation to resume after a trap.
///
/// # Safety
///
/// Called only by the host-call trampoline: `ctx` is the `HostFuncCtx` the trampoline
/// was made for, `slots` the calling wasm frame's outgoing area (the units of the params
/// or of the results, whichever is more) and `fp` the trampoline's frame, on a thread
/// inside `call_wasm`.
unsafe extern "C" fn host_callback(ctx: *mut u8, slots: *mut u64, fp: usize) -> *const Landing {
    // SAFETY: the trampoline passes the HostFuncCtx it was called with (its header comes
    // first) and the caller's outgoing area, sized for the units of params or results.
    let ctx = unsafe { &*(ctx as *const HostFuncCtx) };
    let n = area_units(ctx.ty.params()).max(area_units(ctx.ty.results())) as usize;
    // SAFETY: the trampoline's caller reserved an outgoing area of at least that many
    // units for this call (the host callback contract in
    // `abi::vmctx`), and nothing else touches it until the callback returns.
    let slots = unsafe { std::slice::from_raw_parts_mut(slots, n) };
    // SAFETY: `fp` is the trampoline's frame, per this function's contract.
    let caller = unsafe { Caller::from_trampoline_frame(fp) };
    let act = activation::current();
    // While the host function runs, a debugger stopped in wasm it calls walks on into
    // the frames that called it (`runtime::debug::walk`).
    // SAFETY: host functions are reached from wasm entered via `call_wasm`, whose
    // activation is this thread's current one and outlives this call.
    let outer = unsafe { (*act).set_host_call_fp(fp) };
    let outcome = run_host(ctx, &caller, slots);
    // SAFETY: as above; nested activations have been left again.
    unsafe { (*act).set_host_call_fp(outer) };
    // A stop requested while the host function ran (`runtime::stop`) ends the call here.
    let calling = caller.instance();
    let stops = calling.as_deref().map(|i| &**i.stops());
    let outcome = outcome.and_then(|()| {
        if interrupt::stop_due(stops) {
            interrupt::answer_stops(stops);
            return Err(Trap::new(TrapKind::Interrupted, Vec::new()));
        }
        Ok(())
    });
    match outcome {
        Ok(()) => {
            // The host function may have changed what a debugger stops at (directly, or
            // through wasm it called): callers suspended in plain versions must see it.
            // SAFETY: `fp` is the host-call trampoline's frame, called from wasm.
            unsafe { crate::runtime::redirect::redirect_if_changed(fp) };
            std::ptr::null()
        }
        Err(trap) => match trap.exception() {
            // An exception (one wasm called by the host function did not catch, or the
            // host function's own) goes on in the wasm that called it
            // (`runtime::exceptions`).
            // SAFETY: `fp` is the host-call trampoline's frame, called from wasm inside
            // this activation.
            Some(e) => unsafe { crate::runtime::exceptions::rethrow_from_host(e.thrown, fp) },
            // SAFETY: host functions are reached from wasm entered via `call_wasm`.
            None => unsafe {
                (*act).record_host_trap(trap, fp);
                (*act).landing_at_resume_point()
            },
        },
    }
}

/// Runs a host function on the argument area `slots` (packed by units, as the wasm
/// calling convention has it: `abi::frame::area_offsets`), leaving its results there.
fn run_host(ctx: &HostFuncCtx, caller: &Caller, slots: &mut [u64]) -> Result<(), Trap> {
    let params: Vec<Val> = ctx
        .ty
        .params()
        .iter()
        .zip(area_offsets(ctx.ty.params()))
        .map(|(t, offset)| read_slot(*t, slots, offset as usize / 8))
        .collect();
    let mut results: Vec<Val> = ctx
        .ty
        .results()
        .iter()
        .map(|t| Val::default_for(*t))
        .collect();
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
        (ctx.func)(caller, &params, &mut results)
    }));
    match r {
        Ok(Ok(())) => {}
        Ok(Err(trap)) => return Err(trap),
        Err(_) => return Err(Trap::host("host function panicked")),
    }
    for ((v, t), offset) in results
        .iter()
        .zip(ctx.ty.results())
        .zip(area_offsets(ctx.ty.results()))
    {
        if !v.matches(*t) {
            return Err(Trap::host(format!(
                "host function returned {} for a result of type {t}",
                v.ty()
            )));
        }
        write_slot(v, slots, offset as usize / 8);
    }
    Ok(())
}

/// The value of type `ty` in an argument area at word `at` (two words, low first, for a
/// vector).
fn read_slot(ty: ValType, slots: &[u64], at: usize) -> Val {
    if ty == ValType::V128 {
        Val::V128(u128::from(slots[at]) | u128::from(slots[at + 1]) << 64)
    } else {
        Val::from_raw(ty, slots[at])
    }
}

/// Writes `value` into an argument area at word `at` (see `read_slot`).
fn write_slot(value: &Val, slots: &mut [u64], at: usize) {
    match value {
        Val::V128(bits) => {
            slots[at] = *bits as u64;
            slots[at + 1] = (*bits >> 64) as u64;
        }
        _ => slots[at] = value.to_raw(),
    }
}

/// A function: exported by an instance or defined by the host. Cloning shares it.
#[derive(Clone)]
pub struct Func {
    pub(crate) raw: *const VMFuncRef,
    pub(crate) owner: Arc<dyn Any + Send + Sync>,
}

// SAFETY: a Func is a pointer to an immutable VMFuncRef kept alive by `owner`.
unsafe impl Send for Func {}
// SAFETY: as above.
unsafe impl Sync for Func {}

impl std::fmt::Debug for Func {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Func({})", self.ty())
    }
}

impl Func {
    /// A host function of type `ty`. The closure receives the arguments and fills the
    /// results (pre-set to zeros of the right types); an `Err` becomes a trap in the caller.
    pub fn new(
        engine: &Engine,
        ty: FuncType,
        func: impl Fn(&[Val], &mut [Val]) -> Result<(), Trap> + Send + Sync + 'static,
    ) -> Func {
        Func::new_with_caller(engine, ty, move |_caller, params, results| {
            func(params, results)
        })
    }

    /// A host function of type `ty` that also receives its [`Caller`]: the instance whose
    /// wasm code called it, for reading its exports (such as its memory).
    pub fn new_with_caller(
        _engine: &Engine,
        ty: FuncType,
        func: impl Fn(&Caller, &[Val], &mut [Val]) -> Result<(), Trap> + Send + Sync + 'static,
    ) -> Func {
        let type_word = registry::word(registry::canonical_id(&ty));
        let mut ctx = Box::new(HostFuncCtx {
            header: HostCtxHeader {
                mem_base: 0,
                mem_data: 0,
                entry_bits: 0,
                callback: host_callback,
            },
            func: Box::new(func),
            ty,
        });
        let funcref = Box::new(VMFuncRef {
            code: trampolines().host_call,
            vmctx: (&mut *ctx as *mut HostFuncCtx).cast(),
            type_word,
        });
        let host = Arc::new(HostFunc { _ctx: ctx, funcref });
        Func {
            raw: &*host.funcref,
            owner: host,
        }
    }

    /// A host function from a closure over wasm-typed arguments, e.g.
    /// `Func::wrap(&engine, |a: i32, b: i32| a + b)`.
    pub fn wrap<P, R>(engine: &Engine, f: impl IntoHostFunc<P, R>) -> Func {
        f.into_func(engine)
    }

    pub(crate) fn from_raw(raw: *const VMFuncRef, owner: Arc<dyn Any + Send + Sync>) -> Func {
        Func { raw, owner }
    }

    fn funcref(&self) -> &VMFuncRef {
        // SAFETY: `raw` is kept alive by `owner`.
        unsafe { &*self.raw }
    }

    /// The function's type.
    pub fn ty(&self) -> FuncType {
        self.type_id().func_type()
    }

    /// The canonical identity of the function's type.
    pub fn type_id(&self) -> crate::types::TypeId {
        // SAFETY: every VMFuncRef's type word comes from the registry.
        unsafe { registry::from_word(self.funcref().type_word) }
    }

    /// Whether this is a host function (made by `Func::new`), not a wasm function.
    pub(crate) fn is_host(&self) -> bool {
        self.funcref().code == trampolines().host_call
    }

    /// Calls the function with dynamically typed arguments.
    pub fn call(&self, args: &[Val]) -> Result<Vec<Val>> {
        let ty = self.ty();
        if args.len() != ty.params().len()
            || args.iter().zip(ty.params()).any(|(a, t)| !a.matches(*t))
        {
            return Err(Error::Usage(format!(
                "wrong arguments for a function of type {ty}"
            )));
        }
        // The argument and result areas of the wasm calling convention, packed by units
        // (`abi::frame::area_offsets`; a vector takes two words, its low half first).
        let units = area_units(ty.params()).max(area_units(ty.results())).max(1);
        let mut slots = vec![0u64; units as usize];
        let mut keep = Vec::new();
        for (a, offset) in args.iter().zip(area_offsets(ty.params())) {
            let at = offset as usize / 8;
            if let Val::V128(_) = a {
                write_slot(a, &mut slots, at);
            } else {
                let (raw, owner) = a.to_raw_ref();
                slots[at] = raw;
                keep.extend(owner);
            }
        }
        let ret = self.call_raw(&mut slots).map_err(Error::from)?;
        Ok(decode_results(ty.results(), ret, &slots, &self.owner))
    }

    /// Calls with raw argument slots (results replace them; the first comes back in the
    /// returned registers).
    pub(crate) fn call_raw(&self, slots: &mut [u64]) -> Result<Returned, Trap> {
        let f = self.funcref();
        if self.is_host() {
            // SAFETY: host funcrefs point at their HostFuncCtx.
            let ctx = unsafe { &*(f.vmctx as *const HostFuncCtx) };
            run_host(ctx, &Caller::none(), slots)?;
            let high = slots.get(1).copied().unwrap_or(0);
            return Ok(Returned {
                rax: slots[0],
                xmm0: u128::from(slots[0]) | u128::from(high) << 64,
            });
        }
        // SAFETY: a wasm funcref's vmctx is its live instance (kept by `owner`).
        let instance = unsafe { instance_of(f.vmctx) };
        let (max_stack, canaries) = (instance.max_wasm_stack(), instance.convention_canaries());
        // SAFETY: the funcref's code and vmctx belong together, and `slots` has room for
        // the signature's params and results.
        unsafe { call_wasm(f.vmctx, f.code, slots, max_stack, canaries) }
    }

    /// A statically typed view of the function; fails if the types differ.
    pub fn typed<P: WasmParams, R: WasmResults>(&self) -> Result<TypedFunc<P, R>> {
        let ty = self.ty();
        if ty.params() != P::types().as_slice() || ty.results() != R::types().as_slice() {
            return Err(Error::Usage(format!(
                "function of type {ty} does not match the requested typed signature"
            )));
        }
        Ok(TypedFunc {
            func: self.clone(),
            _marker: PhantomData,
        })
    }

    /// Whether two handles refer to the same function (also through re-exports).
    pub fn same(a: &Func, b: &Func) -> bool {
        let (fa, fb) = (a.funcref(), b.funcref());
        fa.code == fb.code && fa.vmctx == fb.vmctx
    }
}

fn decode_results(
    types: &[ValType],
    ret: Returned,
    slots: &[u64],
    owner: &Arc<dyn Any + Send + Sync>,
) -> Vec<Val> {
    types
        .iter()
        .zip(area_offsets(types))
        .enumerate()
        .map(|(i, (t, offset))| {
            let at = offset as usize / 8;
            if *t == ValType::V128 {
                return Val::V128(if i == 0 {
                    ret.xmm0
                } else {
                    u128::from(slots[at]) | u128::from(slots[at + 1]) << 64
                });
            }
            let raw = if i > 0 {
                slots[at]
            } else if t.is_float() {
                ret.xmm0_low()
            } else {
                ret.rax
            };
            Val::from_raw_ref(*t, raw, Some(owner.clone()))
        })
        .collect()
}

/// A Rust type that maps to a wasm value type.
pub trait WasmTy: Copy + Send + Sync + 'static {
    /// The wasm type.
    const TY: ValType;
    /// Raw slot encoding.
    fn to_raw(self) -> u64;
    /// Decodes a raw slot.
    fn from_raw(raw: u64) -> Self;
}

impl WasmTy for i32 {
    const TY: ValType = ValType::I32;
    fn to_raw(self) -> u64 {
        self as u32 as u64
    }
    fn from_raw(raw: u64) -> Self {
        raw as u32 as i32
    }
}
impl WasmTy for i64 {
    const TY: ValType = ValType::I64;
    fn to_raw(self) -> u64 {
        self as u64
    }
    fn from_raw(raw: u64) -> Self {
        raw as i64
    }
}
impl WasmTy for f32 {
    const TY: ValType = ValType::F32;
    fn to_raw(self) -> u64 {
        self.to_bits() as u64
    }
    fn from_raw(raw: u64) -> Self {
        f32::from_bits(raw as u32)
    }
}
impl WasmTy for f64 {
    const TY: ValType = ValType::F64;
    fn to_raw(self) -> u64 {
        self.to_bits()
    }
    fn from_raw(raw: u64) -> Self {
        f64::from_bits(raw)
    }
}

/// Parameter lists of typed functions: `()`, a single `WasmTy`, or tuples of them.
pub trait WasmParams: Send + Sync + 'static {
    /// The parameter types.
    fn types() -> Vec<ValType>;
    /// Writes the parameters into raw slots.
    fn store(self, slots: &mut [u64]);
    /// Reads parameters from raw slots.
    fn load(slots: &[u64]) -> Self;
}

/// Result lists of typed functions: `()`, a single `WasmTy`, or tuples of them.
pub trait WasmResults: Sized + Send + Sync + 'static {
    /// The result types.
    fn types() -> Vec<ValType>;
    /// Reads the results of a call: the first result's integer and float registers, then
    /// the result slots.
    fn load_results(first_int: u64, first_float: u64, slots: &[u64]) -> Self;
    /// Writes results into raw slots (host functions).
    fn store(self, slots: &mut [u64]);
}

fn first_raw<T: WasmTy>(first_int: u64, first_float: u64) -> u64 {
    if T::TY.is_float() {
        first_float
    } else {
        first_int
    }
}

impl<T: WasmTy> WasmParams for T {
    fn types() -> Vec<ValType> {
        vec![T::TY]
    }
    fn store(self, slots: &mut [u64]) {
        slots[0] = self.to_raw();
    }
    fn load(slots: &[u64]) -> Self {
        T::from_raw(slots[0])
    }
}

impl<T: WasmTy> WasmResults for T {
    fn types() -> Vec<ValType> {
        vec![T::TY]
    }
    fn load_results(first_int: u64, first_float: u64, _slots: &[u64]) -> Self {
        T::from_raw(first_raw::<T>(first_int, first_float))
    }
    fn store(self, slots: &mut [u64]) {
        slots[0] = self.to_raw();
    }
}

macro_rules! tuple_impls {
    ($(($($t:ident $i:tt),*))*) => {$(
        impl<$($t: WasmTy),*> WasmParams for ($($t,)*) {
            fn types() -> Vec<ValType> {
                vec![$($t::TY),*]
            }
            #[allow(unused_variables)]
            fn store(self, slots: &mut [u64]) {
                $(slots[$i] = self.$i.to_raw();)*
            }
            #[allow(unused_variables, clippy::unused_unit)]
            fn load(slots: &[u64]) -> Self {
                ($($t::from_raw(slots[$i]),)*)
            }
        }
        impl<$($t: WasmTy),*> WasmResults for ($($t,)*) {
            fn types() -> Vec<ValType> {
                vec![$($t::TY),*]
            }
            #[allow(unused_variables, clippy::unused_unit)]
            fn load_results(first_int: u64, first_float: u64, slots: &[u64]) -> Self {
                ($(
                    if $i == 0 {
                        $t::from_raw(first_raw::<$t>(first_int, first_float))
                    } else {
                        $t::from_raw(slots[$i])
                    },
                )*)
            }
            #[allow(unused_variables)]
            fn store(self, slots: &mut [u64]) {
                $(slots[$i] = self.$i.to_raw();)*
            }
        }
    )*};
}

tuple_impls! {
    ()
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
}

/// A function with a statically checked signature; calls skip dynamic type checks.
pub struct TypedFunc<P, R> {
    func: Func,
    _marker: PhantomData<fn(P) -> R>,
}

impl<P, R> Clone for TypedFunc<P, R> {
    fn clone(&self) -> Self {
        TypedFunc {
            func: self.func.clone(),
            _marker: PhantomData,
        }
    }
}

impl<P: WasmParams, R: WasmResults> TypedFunc<P, R> {
    /// Calls the function.
    pub fn call(&self, params: P) -> Result<R, Trap> {
        let mut slots = [0u64; 16];
        let n = P::types().len().max(R::types().len()).max(1);
        let mut heap;
        let slots: &mut [u64] = if n <= 16 {
            &mut slots[..n]
        } else {
            heap = vec![0u64; n];
            &mut heap
        };
        params.store(slots);
        let ret = self.func.call_raw(slots)?;
        Ok(R::load_results(ret.rax, ret.xmm0_low(), slots))
    }

    /// The untyped function.
    pub fn func(&self) -> &Func {
        &self.func
    }
}

/// Closures usable as host functions through [`Func::wrap`].
pub trait IntoHostFunc<P, R>: Send + Sync + 'static {
    /// Builds the host function.
    fn into_func(self, engine: &Engine) -> Func;
}

/// Return types of wrapped closures: results, or results with a trap.
pub trait HostReturn: Send + Sync + 'static {
    /// The successful results.
    type Results: WasmResults;
    /// Splits into results or a trap.
    fn into_result(self) -> Result<Self::Results, Trap>;
}

impl<R: WasmResults> HostReturn for R {
    type Results = R;
    fn into_result(self) -> Result<R, Trap> {
        Ok(self)
    }
}

impl<R: WasmResults> HostReturn for Result<R, Trap> {
    type Results = R;
    fn into_result(self) -> Result<R, Trap> {
        self
    }
}

macro_rules! into_host_func {
    ($(($($t:ident $i:tt),*))*) => {$(
        impl<Fun, Ret, $($t: WasmTy),*> IntoHostFunc<($($t,)*), Ret> for Fun
        where
            Fun: Fn($($t),*) -> Ret + Send + Sync + 'static,
            Ret: HostReturn,
        {
            fn into_func(self, engine: &Engine) -> Func {
                let ty = FuncType::new(
                    <($($t,)*) as WasmParams>::types(),
                    <Ret::Results as WasmResults>::types(),
                );
                Func::new(engine, ty, move |params, results| {
                    let raw: Vec<u64> = params.iter().map(|v| v.to_raw()).collect();
                    #[allow(unused_variables)]
                    let args = <($($t,)*) as WasmParams>::load(&raw);
                    let out = (self)($(args.$i),*).into_result()?;
                    let mut slots = vec![0u64; results.len().max(1)];
                    out.store(&mut slots);
                    for (r, raw) in results.iter_mut().zip(slots) {
                        *r = Val::from_raw(r.ty(), raw);
                    }
                    Ok(())
                })
            }
        }
    )*};
}

into_host_func! {
    ()
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
}
