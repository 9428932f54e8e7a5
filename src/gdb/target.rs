//! The instance as `gdbstub` sees it: one thread, the single 64-bit `pc` register of
//! LLDB's wasm extensions, code addresses `0x4000000000000000 | module offset` (module 0)
//! and linear memory at its plain addresses, software breakpoints at instruction
//! boundaries, continue and single step, and the `qWasm*` queries.

use super::bridge::{value_bytes, Request, Stop, StopFrame};
use crate::api::debugger::Debugger;
use crate::runtime::debug::watch::{WatchKind, WatchpointId};
use crate::runtime::debug::{BreakpointId, Resume};
use gdbstub::arch::lldb::{Encoding, Format, Generic, Register};
use gdbstub::common::{Endianness, Tid};
use gdbstub::common::{Pid, Signal};
use gdbstub::target::ext::base::single_register_access::{
    SingleRegisterAccess, SingleRegisterAccessOps,
};
use gdbstub::target::ext::base::singlethread::{
    SingleThreadBase, SingleThreadResume, SingleThreadResumeOps, SingleThreadSingleStep,
    SingleThreadSingleStepOps,
};
use gdbstub::target::ext::base::BaseOps;
use gdbstub::target::ext::breakpoints::{
    Breakpoints, BreakpointsOps, HwWatchpoint, HwWatchpointOps, SwBreakpoint, SwBreakpointOps,
    WatchKind as GdbWatchKind,
};
use gdbstub::target::ext::host_info::{HostInfo, HostInfoOps, HostInfoResponse};
use gdbstub::target::ext::libraries::{Libraries, LibrariesOps};
use gdbstub::target::ext::lldb_register_info_override::{
    Callback, CallbackToken, LldbRegisterInfoOverride, LldbRegisterInfoOverrideOps,
};
use gdbstub::target::ext::monitor_cmd::{ConsoleOutput, MonitorCmd, MonitorCmdOps};
use gdbstub::target::ext::process_info::{ProcessInfo, ProcessInfoOps, ProcessInfoResponse};
use gdbstub::target::ext::wasm::{Wasm, WasmOps};
use gdbstub::target::{Target, TargetError, TargetResult};
use gdbstub_arch::wasm::addr::{WasmAddr, WasmAddrType};
use gdbstub_arch::wasm::reg::id::WasmRegId;
use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;
use wasmparser::{BinaryReader, OperatorsReader};

/// The triple LLDB's wasm plugin expects.
const TRIPLE: &str = "wasm32-unknown-unknown-wasm";

/// The GDB target: the debugger of one instance, the module's binary, and the stop the
/// instance is in (if stopped).
pub(crate) struct KestrelTarget {
    pub debugger: Debugger,
    pub binary: Arc<[u8]>,
    pub name: String,
    /// Function index of each defined function's body start (module offsets), ascending.
    pub bodies: Vec<(u32, u32)>,
    pub requests: Sender<Request>,
    pub stop: Option<Stop>,
    /// Breakpoints LLDB set, by the module offset it named.
    pub breakpoints: HashMap<u32, BreakpointId>,
    /// Watchpoints LLDB set, by (memory offset, length, kind).
    pub watchpoints: HashMap<(u64, u64, WatchKind), WatchpointId>,
    /// Set when the client is gone: the handler stops nothing any more.
    pub detached: Arc<AtomicBool>,
}

/// LLDB's module index for frames whose instance is not known (the largest it has).
const UNKNOWN_MODULE: u32 = (1 << 30) - 1;

/// The code address of `offset` in module `module`.
fn code_addr_in(module: u32, offset: u32) -> u64 {
    WasmAddr::new(WasmAddrType::Object, module, offset)
        .map(WasmAddr::as_raw)
        .unwrap_or(offset as u64)
}

/// The code address of `offset` in the debugged instance's module (module 0).
fn code_addr(offset: u32) -> u64 {
    code_addr_in(0, offset)
}

impl KestrelTarget {
    /// The program counter LLDB sees for the current stop: the innermost frame's, known
    /// without walking the stack.
    pub fn pc(&self) -> u64 {
        match &self.stop {
            Some(stop) => self.frame_pc(0, &stop.innermost),
            None => code_addr(0),
        }
    }

    /// The pc LLDB sees for `frame`, `depth` calls out from the innermost.
    fn frame_pc(&self, depth: usize, frame: &StopFrame) -> u64 {
        match frame.module {
            Some(0) if depth == 0 => code_addr(frame.offset),
            Some(0) => code_addr(self.after_call(frame.offset)),
            Some(module) => code_addr_in(module, frame.offset),
            None => code_addr_in(UNKNOWN_MODULE, frame.offset),
        }
    }

    /// The pc of each frame of the current stop, innermost first, as LLDB reads a call
    /// stack: where the innermost frame stopped (a function's entry is its body's start,
    /// the address DWARF gives the function, so that LLDB skips its prologue), and for
    /// each caller its return address, the instruction after its call. Frames of other
    /// instances are in their own modules (LLDB has no image for them: it shows their
    /// addresses only).
    fn frame_pcs(&self) -> Vec<u64> {
        let frames = self
            .ask(|reply| Request::Frames { reply })
            .unwrap_or_default();
        frames
            .iter()
            .enumerate()
            .map(|(depth, frame)| self.frame_pc(depth, frame))
            .collect()
    }

    /// The module offset of the instruction after the call at `offset` in the debugged
    /// module (`offset` itself if it cannot be read there).
    fn after_call(&self, offset: u32) -> u32 {
        let Some(rest) = self.binary.get(offset as usize..) else {
            return offset;
        };
        let mut ops = OperatorsReader::new(BinaryReader::new(rest, u64::from(offset)));
        match ops.read() {
            Ok(_) => u32::try_from(ops.original_position()).unwrap_or(offset),
            Err(_) => offset,
        }
    }

    fn ask<T>(&self, make: impl FnOnce(Sender<T>) -> Request) -> Option<T> {
        self.stop.as_ref()?;
        let (tx, rx) = channel();
        self.requests.send(make(tx)).ok()?;
        rx.recv().ok()
    }

    /// Tells the stopped instance how to go on.
    pub fn resume(&mut self, how: Resume) {
        if self.stop.take().is_some() {
            let _ = self.requests.send(Request::Resume(how));
        }
    }

    /// The function whose body holds module offset `offset`.
    fn func_at(&self, offset: u32) -> Option<u32> {
        let i = self.bodies.partition_point(|&(start, _)| start <= offset);
        i.checked_sub(1).map(|i| self.bodies[i].1)
    }
}

impl Target for KestrelTarget {
    type Arch = gdbstub_arch::wasm::Wasm;
    type Error = &'static str;

    fn base_ops(&mut self) -> BaseOps<'_, Self::Arch, Self::Error> {
        BaseOps::SingleThread(self)
    }

    fn support_breakpoints(&mut self) -> Option<BreakpointsOps<'_, Self>> {
        Some(self)
    }

    fn support_wasm(&mut self) -> Option<WasmOps<'_, Self>> {
        Some(self)
    }

    fn support_host_info(&mut self) -> Option<HostInfoOps<'_, Self>> {
        Some(self)
    }

    fn support_process_info(&mut self) -> Option<ProcessInfoOps<'_, Self>> {
        Some(self)
    }

    fn support_libraries(&mut self) -> Option<LibrariesOps<'_, Self>> {
        Some(self)
    }

    fn support_monitor_cmd(&mut self) -> Option<MonitorCmdOps<'_, Self>> {
        Some(self)
    }

    fn support_lldb_register_info_override(
        &mut self,
    ) -> Option<LldbRegisterInfoOverrideOps<'_, Self>> {
        Some(self)
    }

    fn guard_rail_implicit_sw_breakpoints(&self) -> bool {
        true
    }
}

impl SingleThreadBase for KestrelTarget {
    fn read_registers(
        &mut self,
        regs: &mut gdbstub_arch::wasm::reg::WasmRegisters,
    ) -> TargetResult<(), Self> {
        regs.pc = self.pc();
        Ok(())
    }

    fn write_registers(
        &mut self,
        _regs: &gdbstub_arch::wasm::reg::WasmRegisters,
    ) -> TargetResult<(), Self> {
        // The pc of wasm code cannot be moved.
        Err(TargetError::NonFatal)
    }

    fn read_addrs(&mut self, start: u64, data: &mut [u8]) -> TargetResult<usize, Self> {
        let Some(addr) = WasmAddr::from_raw(start) else {
            return Err(TargetError::NonFatal);
        };
        match addr.addr_type() {
            WasmAddrType::Object if addr.module_index() == 0 => {
                let from = (addr.offset() as usize).min(self.binary.len());
                let n = data.len().min(self.binary.len() - from);
                data[..n].copy_from_slice(&self.binary[from..from + n]);
                Ok(n)
            }
            WasmAddrType::Memory => {
                let bytes = self
                    .ask(|reply| Request::ReadMemory {
                        module: addr.module_index(),
                        memory: 0,
                        addr: addr.offset(),
                        len: data.len(),
                        reply,
                    })
                    .ok_or(TargetError::NonFatal)?;
                data[..bytes.len()].copy_from_slice(&bytes);
                Ok(bytes.len())
            }
            _ => Err(TargetError::NonFatal),
        }
    }

    fn write_addrs(&mut self, start: u64, data: &[u8]) -> TargetResult<(), Self> {
        let addr = WasmAddr::from_raw(start).ok_or(TargetError::NonFatal)?;
        if addr.addr_type() != WasmAddrType::Memory {
            return Err(TargetError::NonFatal);
        }
        match self.ask(|reply| Request::WriteMemory {
            module: addr.module_index(),
            addr: addr.offset(),
            bytes: data.to_vec(),
            reply,
        }) {
            Some(true) => Ok(()),
            _ => Err(TargetError::NonFatal),
        }
    }

    fn support_resume(&mut self) -> Option<SingleThreadResumeOps<'_, Self>> {
        Some(self)
    }

    fn support_single_register_access(&mut self) -> Option<SingleRegisterAccessOps<'_, (), Self>> {
        Some(self)
    }
}

impl SingleRegisterAccess<()> for KestrelTarget {
    fn read_register(
        &mut self,
        _tid: (),
        _reg: WasmRegId,
        buf: &mut [u8],
    ) -> TargetResult<usize, Self> {
        let pc = self.pc().to_le_bytes();
        let n = pc.len().min(buf.len());
        buf[..n].copy_from_slice(&pc[..n]);
        Ok(n)
    }

    fn write_register(&mut self, _tid: (), _reg: WasmRegId, _val: &[u8]) -> TargetResult<(), Self> {
        Err(TargetError::NonFatal)
    }
}

impl SingleThreadResume for KestrelTarget {
    fn resume(&mut self, _signal: Option<Signal>) -> Result<(), Self::Error> {
        KestrelTarget::resume(self, Resume::Continue);
        Ok(())
    }

    fn support_single_step(&mut self) -> Option<SingleThreadSingleStepOps<'_, Self>> {
        Some(self)
    }
}

impl SingleThreadSingleStep for KestrelTarget {
    fn step(&mut self, _signal: Option<Signal>) -> Result<(), Self::Error> {
        KestrelTarget::resume(self, Resume::StepInto);
        Ok(())
    }
}

impl Breakpoints for KestrelTarget {
    fn support_sw_breakpoint(&mut self) -> Option<SwBreakpointOps<'_, Self>> {
        Some(self)
    }

    fn support_hw_watchpoint(&mut self) -> Option<HwWatchpointOps<'_, Self>> {
        Some(self)
    }
}

/// The memory offset of a watchpoint address LLDB sends (`Z2`-`Z4`): a memory address of
/// the debugged instance (module 0); its memory 0, the one DWARF describes.
fn watched_offset(addr: u64) -> Option<u64> {
    let addr = WasmAddr::from_raw(addr)?;
    (addr.addr_type() == WasmAddrType::Memory && addr.module_index() == 0)
        .then_some(u64::from(addr.offset()))
}

fn watch_kind(kind: GdbWatchKind) -> WatchKind {
    match kind {
        GdbWatchKind::Write => WatchKind::Write,
        GdbWatchKind::Read => WatchKind::Read,
        GdbWatchKind::ReadWrite => WatchKind::Access,
    }
}

impl HwWatchpoint for KestrelTarget {
    /// Any number of watchpoints, of any length the API takes: they are the instance's
    /// data ("DESIGN: watchpoints"), not debug registers.
    fn add_hw_watchpoint(
        &mut self,
        addr: u64,
        len: u64,
        kind: GdbWatchKind,
    ) -> TargetResult<bool, Self> {
        let Some(offset) = watched_offset(addr) else {
            return Ok(false);
        };
        let key = (offset, len, watch_kind(kind));
        if self.watchpoints.contains_key(&key) {
            return Ok(true);
        }
        match self.debugger.set_watchpoint(0, offset, len, key.2) {
            Ok(id) => {
                self.watchpoints.insert(key, id);
                Ok(true)
            }
            Err(_) => Ok(false),
        }
    }

    fn remove_hw_watchpoint(
        &mut self,
        addr: u64,
        len: u64,
        kind: GdbWatchKind,
    ) -> TargetResult<bool, Self> {
        let Some(offset) = watched_offset(addr) else {
            return Ok(false);
        };
        match self.watchpoints.remove(&(offset, len, watch_kind(kind))) {
            Some(id) => Ok(self.debugger.clear_watchpoint(id).is_ok()),
            None => Ok(false),
        }
    }
}

impl SwBreakpoint for KestrelTarget {
    fn add_sw_breakpoint(&mut self, addr: u64, _kind: usize) -> TargetResult<bool, Self> {
        let Some(addr) = WasmAddr::from_raw(addr) else {
            return Ok(false);
        };
        if addr.addr_type() != WasmAddrType::Object || addr.module_index() != 0 {
            return Ok(false);
        }
        let offset = addr.offset();
        let Some(func) = self.func_at(offset) else {
            return Ok(false);
        };
        // A function's start (its body's size and locals) resolves to its first
        // instruction; anywhere else must be an instruction boundary.
        let offsets = self.debugger.instruction_offsets(func).unwrap_or_default();
        let Some(&at) = offsets.iter().find(|&&o| o >= offset) else {
            return Ok(false);
        };
        if at != offset && offsets.first() != Some(&at) {
            return Ok(false);
        }
        // Inserting is idempotent (the protocol says so): a second `Z0` at the same
        // address is the same breakpoint, which one `z0` removes.
        if self.breakpoints.contains_key(&offset) {
            return Ok(true);
        }
        match self.debugger.set_breakpoint(func, at) {
            Ok(id) => {
                self.breakpoints.insert(offset, id);
                Ok(true)
            }
            Err(_) => Ok(false),
        }
    }

    fn remove_sw_breakpoint(&mut self, addr: u64, _kind: usize) -> TargetResult<bool, Self> {
        let offset = WasmAddr::from_raw(addr).map_or(addr as u32, WasmAddr::offset);
        match self.breakpoints.remove(&offset) {
            Some(id) => Ok(self.debugger.clear_breakpoint(id).is_ok()),
            None => Ok(false),
        }
    }
}

impl Wasm for KestrelTarget {
    fn wasm_call_stack(&self, _tid: Tid, next_pc: &mut dyn FnMut(u64)) -> Result<(), Self::Error> {
        for pc in self.frame_pcs() {
            next_pc(pc);
        }
        Ok(())
    }

    fn read_wasm_local(
        &self,
        _tid: Tid,
        frame: usize,
        local: usize,
        buf: &mut [u8],
    ) -> Result<usize, Self::Error> {
        // Any frame LLDB lists (`wasm_call_stack`), by its index there; a value the frame
        // cannot know is an empty answer, which LLDB shows as unavailable.
        let v = self
            .ask(|reply| Request::Local {
                frame,
                index: local,
                reply,
            })
            .flatten();
        Ok(copy_value(v, buf))
    }

    fn read_wasm_stack(
        &self,
        _tid: Tid,
        frame: usize,
        index: usize,
        buf: &mut [u8],
    ) -> Result<usize, Self::Error> {
        let v = self
            .ask(|reply| Request::Stack {
                frame,
                index,
                reply,
            })
            .flatten();
        Ok(copy_value(v, buf))
    }

    fn read_wasm_global(
        &self,
        _tid: Tid,
        frame: usize,
        global: usize,
        buf: &mut [u8],
    ) -> Result<usize, Self::Error> {
        let v = self
            .ask(|reply| Request::Global {
                frame,
                index: global,
                reply,
            })
            .flatten();
        Ok(copy_value(v, buf))
    }
}

fn copy_value(v: Option<crate::api::val::Val>, buf: &mut [u8]) -> usize {
    let bytes = v.map(|v| value_bytes(&v)).unwrap_or_default();
    let n = bytes.len().min(buf.len());
    buf[..n].copy_from_slice(&bytes[..n]);
    n
}

impl LldbRegisterInfoOverride for KestrelTarget {
    /// Register 0 is the 64-bit `pc` (LLDB's thread plans read the pc through it); there
    /// is no other register.
    fn lldb_register_info<'a>(
        &mut self,
        reg_id: usize,
        reg_info: Callback<'a>,
    ) -> Result<CallbackToken<'a>, Self::Error> {
        if reg_id != 0 {
            return Ok(reg_info.done());
        }
        Ok(reg_info.write(Register {
            name: "pc",
            alt_name: Some("pc"),
            bitsize: 64,
            offset: 0,
            encoding: Encoding::Uint,
            format: Format::Hex,
            set: "General Purpose Registers",
            gcc: Some(16),
            dwarf: Some(16),
            generic: Some(Generic::Pc),
            container_regs: None,
            invalidate_regs: None,
        }))
    }
}

impl HostInfo for KestrelTarget {
    fn host_info(
        &self,
        write_item: &mut dyn FnMut(&HostInfoResponse<'_>),
    ) -> Result<(), Self::Error> {
        write_item(&HostInfoResponse::Triple(TRIPLE));
        write_item(&HostInfoResponse::Endianness(Endianness::Little));
        write_item(&HostInfoResponse::PointerSize(4));
        Ok(())
    }
}

impl ProcessInfo for KestrelTarget {
    fn process_info(
        &self,
        write_item: &mut dyn FnMut(&ProcessInfoResponse<'_>),
    ) -> Result<(), Self::Error> {
        write_item(&ProcessInfoResponse::Pid(Pid::new(1).expect("non-zero")));
        write_item(&ProcessInfoResponse::Triple(TRIPLE));
        write_item(&ProcessInfoResponse::Endianness(Endianness::Little));
        write_item(&ProcessInfoResponse::PointerSize(4));
        Ok(())
    }
}

impl Libraries for KestrelTarget {
    fn get_libraries(
        &self,
        offset: u64,
        length: usize,
        buf: &mut [u8],
    ) -> TargetResult<usize, Self> {
        let xml = format!(
            "<library-list><library name=\"{}\"><section address=\"{:#x}\"/></library></library-list>",
            xml_escape(&self.name),
            code_addr(0)
        );
        let bytes = xml.as_bytes();
        let from = (offset as usize).min(bytes.len());
        let n = length.min(buf.len()).min(bytes.len() - from);
        buf[..n].copy_from_slice(&bytes[from..from + n]);
        Ok(n)
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The most bytes `monitor mem` dumps at once.
const MONITOR_MEM_MAX: usize = 4096;

impl MonitorCmd for KestrelTarget {
    /// `monitor mem MEMORY ADDR LEN`: a hex dump of any memory of the stopped instance
    /// (LLDB's own memory reads address memory 0 only); numbers decimal or 0x hex.
    fn handle_monitor_cmd(
        &mut self,
        cmd: &[u8],
        mut out: ConsoleOutput<'_>,
    ) -> Result<(), Self::Error> {
        let text = String::from_utf8_lossy(cmd);
        let words: Vec<&str> = text.split_whitespace().collect();
        let number = |w: &str| match w.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16).ok(),
            None => w.parse::<u64>().ok(),
        };
        let parsed = match words[..] {
            ["mem", memory, addr, len] => (|| {
                Some((
                    u32::try_from(number(memory)?).ok()?,
                    u32::try_from(number(addr)?).ok()?,
                    usize::try_from(number(len)?).ok()?,
                ))
            })(),
            _ => None,
        };
        let Some((memory, addr, len)) = parsed else {
            gdbstub::outputln!(out, "usage: monitor mem MEMORY ADDR LEN");
            return Ok(());
        };
        let len = len.min(MONITOR_MEM_MAX);
        let bytes = self.ask(|reply| Request::ReadMemory {
            module: 0,
            memory,
            addr,
            len,
            reply,
        });
        match bytes {
            None => gdbstub::outputln!(out, "the instance is not stopped"),
            Some(bytes) if bytes.is_empty() && len > 0 => {
                gdbstub::outputln!(out, "no bytes at {addr:#x} of memory {memory}")
            }
            Some(bytes) => {
                for (i, line) in bytes.chunks(16).enumerate() {
                    let hex: Vec<String> = line.iter().map(|b| format!("{b:02x}")).collect();
                    gdbstub::outputln!(out, "{:#x}: {}", addr as usize + 16 * i, hex.join(" "));
                }
            }
        }
        Ok(())
    }
}
