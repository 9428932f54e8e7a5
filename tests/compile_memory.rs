//! Compiling a module and dropping it leaves nothing allocated. The plain pass drops each
//! operator it decodes only where the operator's immediates own memory (`codegen::visit`,
//! `PlainStep`); a `try_table`'s list of catch clauses is such an immediate, so a module
//! full of them leaks on every compile if that drop is skipped.

use kestrel::{Config, Engine, Module};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

/// Counts the bytes the process has allocated and not freed.
struct Counting;

static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; the counter is only
// bookkeeping beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which is `System`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE_BYTES.fetch_add(layout.size() as isize, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        // SAFETY: `p` was allocated by `alloc` above, that is by `System`, with `layout`.
        unsafe { System.dealloc(p, layout) };
        LIVE_BYTES.fetch_sub(layout.size() as isize, Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// `n` functions, each with a `try_table` of two catch clauses around a throw.
fn try_tables(n: u32) -> String {
    let mut wat = String::from("(module (tag $e (param i32))\n");
    for i in 0..n {
        wat.push_str(&format!(
            "(func (export \"f{i}\") (result i32)
               (block $caught (result i32)
                 (block $any
                   (try_table (catch $e $caught) (catch_all $any)
                     (throw $e (i32.const {i}))))
                 (i32.const -1)))\n"
        ));
    }
    wat.push(')');
    wat
}

#[test]
fn compiling_a_module_of_try_tables_again_and_again_allocates_nothing_that_stays() {
    let wasm = wat::parse_str(try_tables(2000)).expect("the module assembles");
    let engine = Engine::new(&Config::new());
    // The first compiles settle what is built once per process (the engine's stubs, the
    // type registry's entries for the module's types).
    for _ in 0..2 {
        drop(Module::new(&engine, &wasm).expect("the module compiles"));
    }
    let settled = LIVE_BYTES.load(Ordering::Relaxed);
    for _ in 0..5 {
        drop(Module::new(&engine, &wasm).expect("the module compiles"));
    }
    let grown = LIVE_BYTES.load(Ordering::Relaxed) - settled;
    // A leaked catch list is 2000 allocations of 24+ bytes per compile: ~240 kB over
    // the five; what stays must be far less than one compile's share of that.
    assert!(
        grown < 16 * 1024,
        "{grown} bytes stayed allocated after five compiles of 2000 try_tables"
    );
}
