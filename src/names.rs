//! Function names as people read them: the name section of a module compiled from Rust
//! or C++ holds mangled symbols (`_ZN3std9panicking20rust_panic_with_hook17h6ac9...E`),
//! which backtraces and the debugger show demangled (`std::panicking::rust_panic_with_hook`).

use std::borrow::Cow;

/// `name` demangled if it is a Rust (legacy or v0) or C++ (Itanium) symbol, else as it
/// is. Rust names lose their hash suffix; C++ names keep their parameter types.
pub fn demangle(name: &str) -> Cow<'_, str> {
    if let Ok(rust) = rustc_demangle::try_demangle(name) {
        return Cow::Owned(format!("{rust:#}"));
    }
    if name.starts_with("_Z") {
        if let Ok(symbol) = cpp_demangle::Symbol::new(name) {
            if let Ok(text) = symbol.demangle(&cpp_demangle::DemangleOptions::default()) {
                return Cow::Owned(text);
            }
        }
    }
    Cow::Borrowed(name)
}

#[cfg(test)]
mod tests {
    use super::demangle;

    #[test]
    fn rust_and_cpp_symbols_are_demangled_and_others_kept() {
        assert_eq!(
            demangle("_ZN3std9panicking20rust_panic_with_hook17h6ac9107c42850161E"),
            "std::panicking::rust_panic_with_hook"
        );
        assert_eq!(
            demangle("_ZN3std2rt10lang_start28_$u7b$$u7b$closure$u7d$$u7d$17h558dc181135e9747E"),
            "std::rt::lang_start::{{closure}}"
        );
        assert_eq!(
            demangle("_ZN8rustprog4pick17h0a5835b50541d85eE"),
            "rustprog::pick"
        );
        assert_eq!(demangle("_Z3addii"), "add(int, int)");
        assert_eq!(
            demangle("_ZNSt3__16vectorIiNS_9allocatorIiEEE9push_backEOi"),
            "std::__1::vector<int, std::__1::allocator<int> >::push_back(int&&)"
        );
        for plain in ["main", "fib", "__original_main", "_Zunfinished", ""] {
            assert_eq!(demangle(plain), plain);
        }
    }
}
