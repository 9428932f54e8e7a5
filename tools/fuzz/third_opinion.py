#!/usr/bin/env python3
"""The third opinion for the differential oracle (tools/fuzz/src/oracle/on_wasmtime.rs).

Runs a module on wasmtime (the `wasmtime` package from PyPI, Cranelift) the way the
oracle runs it on Kestrel and wasmi: instantiate, then call every exported function, in
export-name order, twice, with the oracle's arguments; after each step print one JSON
line: the step, its outcome (result values as type and bits, or a trap class), the
exported globals, a hash of each exported memory (FNV-1a over 64-bit words) and each exported
table's size and a hash of its entries (null or the function's type, one per line). Used only when Kestrel disagrees with both
wasmi versions. Exit status 3 if wasmtime is not installed.
"""
import json
import struct
import sys

try:
    import wasmtime
except ImportError:
    print("wasmtime is not installed (pip install wasmtime)", file=sys.stderr)
    sys.exit(3)

# The oracle's argument values (oracle::args_for) and limits (oracle::on_wasmi::FUEL).
INTS = [0, 1, -1, 7, 65536, -(2**31), 31, 2**63 - 1]
ROUNDS = 2
FUEL = 50_000_000
MAX_TABLE_ELEMENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
# Which exports were wrapped so that no vector crosses the binding (oracle/boundary.rs):
# "results": export name -> positions of its original results that are v128 (each now
# two i64 halves, low first); "getters": getter export name -> the v128 global's name;
# "types": the export of a wrapped function's original -> its type, which the binding
# cannot describe (asking ends the process).
PLAN = json.load(open(sys.argv[3])) if len(sys.argv) > 3 else {"results": {}, "getters": {}, "types": {}}
# A table hash the binding could not compute (oracle::on_wasmtime::UNKNOWN_TABLE).
UNKNOWN_TABLE = 2**64 - 1
# Function identity (the binding's private index) -> type name, for the originals.
VECTOR_TYPES = {}


def identity(func):
    return (func._func.store_id, getattr(func._func, "__private"))

TRAPS = {
    "MEMORY_OUT_OF_BOUNDS": "memory",
    "TABLE_OUT_OF_BOUNDS": "table",
    "INDIRECT_CALL_TO_NULL": "null",
    "NULL_REFERENCE": "null",
    "BAD_SIGNATURE": "signature",
    "INTEGER_DIVISION_BY_ZERO": "div0",
    "INTEGER_OVERFLOW": "overflow",
    "BAD_CONVERSION_TO_INTEGER": "conversion",
    "UNREACHABLE_CODE_REACHED": "unreachable",
    "UNREACHABLE": "unreachable",
    "STACK_OVERFLOW": "exhausted",
}


def fnv1a(data):
    """FNV-1a over little-endian 64-bit words, then the remaining bytes (oracle::hash_bytes)."""
    h = 0xCBF29CE484222325
    whole = len(data) - len(data) % 8
    for (word,) in struct.iter_unpack("<Q", data[:whole]):
        h = ((h ^ word) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    for b in data[whole:]:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def fnv1a_bytes(data):
    """FNV-1a over bytes (oracle::TableDigest)."""
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def f32_bits(x):
    bits = struct.unpack("<I", struct.pack("<f", x))[0]
    return 0x7FC00000 if x != x else bits


def f64_bits(x):
    bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    return 0x7FF8000000000000 if x != x else bits


def kind_of(ty):
    """The oracle's name for a value type (wasmtime prints externref as anyref)."""
    kind = str(ty)
    return "externref" if kind in ("anyref", "externref", "extern") else kind


def value(ty, v):
    kind = kind_of(ty)
    if kind == "v128":
        # The oracle would take a vector as a hexadecimal string; wasmtime's Python
        # binding does not pass vectors, so such a module gets no third opinion.
        raise NotImplementedError("v128 values")
    if kind == "i32":
        return ["i32", v & 0xFFFFFFFF]
    if kind == "i64":
        return ["i64", v & 0xFFFFFFFFFFFFFFFF]
    if kind == "f32":
        return ["f32", f32_bits(v)]
    if kind == "f64":
        return ["f64", f64_bits(v)]
    # A reference global's value comes back as a `Val` wrapping None when it is null
    # (and as the referenced object otherwise); results come back unwrapped.
    if isinstance(v, wasmtime.Val):
        v = v.value
    return [kind, 0 if v is None else 1]


def argument(ty, v):
    kind = kind_of(ty)
    if kind == "v128":
        raise NotImplementedError("v128 arguments")
    if kind == "i32":
        return wasmtime.Val.i32(((v + 2**31) % 2**32) - 2**31)
    if kind == "i64":
        return wasmtime.Val.i64(v)
    if kind == "f32":
        return wasmtime.Val.f32(v * 0.5)
    if kind == "f64":
        return wasmtime.Val.f64(v * 0.25)
    if kind == "funcref":
        return wasmtime.Val.funcref(None)
    return wasmtime.Val.externref(None)


def type_name(store, func):
    ty = func.type(store)
    return "[%s] -> [%s]" % (
        " ".join(kind_of(t) for t in ty.params),
        " ".join(kind_of(t) for t in ty.results),
    )


def vector_hex(low, high):
    """A vector from its two i64 halves, as the hexadecimal string the oracle parses."""
    return "%x" % ((high & 0xFFFFFFFFFFFFFFFF) << 64 | (low & 0xFFFFFFFFFFFFFFFF))


def as_list(r, count):
    """wasmtime-py's return value as a list of `count` results."""
    if count == 1:
        return [r]
    return [] if r is None else list(r)


def state(store, exports):
    globals_, memories, tables = [], [], []
    for name, ext in exports:
        getter = PLAN["getters"].get(getattr(ext, "_getter_name", None) or "")
        if getter is not None:
            low, high = as_list(ext(store), 2)
            globals_.append([name, vector_hex(low, high)])
        elif isinstance(ext, wasmtime.Global):
            globals_.append([name, value(ext.type(store).content, ext.value(store))[1]])
        elif isinstance(ext, wasmtime.Memory):
            data = bytes(ext.read(store, 0, ext.data_len(store)))
            memories.append([name, len(data), fnv1a(data)])
        elif isinstance(ext, wasmtime.Table):
            size = ext.size(store)
            text = bytearray()
            known = True
            for i in range(size):
                e = ext.get(store, i)
                if isinstance(e, wasmtime.Val):
                    e = e.value
                try:
                    if isinstance(e, wasmtime.Func) and identity(e) in VECTOR_TYPES:
                        entry = VECTOR_TYPES[identity(e)]
                    else:
                        entry = type_name(store, e) if isinstance(e, wasmtime.Func) else ("null" if e is None else "externref")
                except wasmtime.WasmtimeError:
                    # The binding cannot describe a function type with a v128.
                    known = False
                    entry = "?"
                text += entry.encode() + b"\n"
            tables.append([name, size, fnv1a_bytes(text) if known else UNKNOWN_TABLE])
    return globals_, memories, tables


def emit(step, outcome, st):
    print(json.dumps({"step": step, "outcome": outcome, "globals": st[0], "memories": st[1], "tables": st[2]}))


def trap_class(e):
    if "thrown Wasm exception" in str(e):
        return "exception"
    code = getattr(e, "trap_code", None)
    name = code.name if code is not None else ""
    if name == "OUT_OF_FUEL":
        print("out of fuel", file=sys.stderr)
        sys.exit(2)
    return TRAPS.get(name, "other")


def main():
    config = wasmtime.Config()
    config.consume_fuel = True
    config.wasm_exceptions = True
    config.wasm_function_references = True
    config.wasm_gc = True
    engine = wasmtime.Engine(config)
    store = wasmtime.Store(engine)
    store.set_limits(table_elements=MAX_TABLE_ELEMENTS)
    store.set_fuel(FUEL)
    module = wasmtime.Module(engine, open(sys.argv[1], "rb").read())
    try:
        instance = wasmtime.Instance(store, module, [])
    except wasmtime.Trap as e:
        c = trap_class(e)
        emit("instantiate", "exhausted" if c == "exhausted" else {"trap": c}, ([], [], []))
        return
    exports = []
    for e in module.exports:
        ext = instance.exports(store)[e.name]
        name = e.name
        if e.name in PLAN["types"]:
            VECTOR_TYPES[identity(ext)] = PLAN["types"][e.name]
            continue
        if e.name in PLAN["getters"]:
            # Observed as the global it stands for, under that name.
            ext._getter_name = e.name
            name = PLAN["getters"][e.name]
        exports.append((name, ext))
    exports.sort(key=lambda p: p[0].encode())
    emit("instantiate", {"values": []}, state(store, exports))
    for rnd in range(ROUNDS):
        for name, ext in exports:
            if not isinstance(ext, wasmtime.Func) or getattr(ext, "_getter_name", None):
                continue
            ty = ext.type(store)
            args = [argument(t, INTS[(rnd * 3 + i) % len(INTS)]) for i, t in enumerate(ty.params)]
            store.set_fuel(FUEL)
            try:
                r = ext(store, *args)
                # wasmtime-py returns None for no result, but also for a single null
                # reference: the function's type tells which.
                results = as_list(r, len(ty.results))
                vectors = set(PLAN["results"].get(name, []))
                values, k, position = [], 0, 0
                while k < len(results):
                    if position in vectors:
                        values.append(["v128", vector_hex(results[k], results[k + 1])])
                        k += 2
                    else:
                        values.append(value(ty.results[k], results[k]))
                        k += 1
                    position += 1
                outcome = {"values": values}
            except wasmtime.Trap as e:
                c = trap_class(e)
                outcome = "exhausted" if c == "exhausted" else {"trap": c}
            emit("call " + name, outcome, state(store, exports))
            if outcome == "exhausted":
                return


main()
