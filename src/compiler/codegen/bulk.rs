//! WebAssembly 2.0 bulk memory, table and reference instructions.
//!
//! Bulk operations and table accesses are host helpers (`runtime::bulk`): they run at
//! memcpy/memset speed and their bounds checks live in one place. Every helper has the
//! same shape: its operands (and immediates) are stored in the outgoing area, the helper
//! gets `(vmctx, args)`, returns a trap code in eax (0: none) and leaves its result, if
//! any, in `args[0]`. `table.size`, `ref.null`, `ref.is_null` and `ref.func` are inline.

use super::{FuncCompiler, Opnd};
use crate::abi::libcalls::Helper;
use crate::abi::vmctx::{funcref, header, table};
use crate::compiler::stack::{Cond, Loc};
use crate::types::ValType;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use wasmparser::Operator;

impl FuncCompiler<'_, '_> {
    /// Compiles a bulk, table or reference operator; returns false if `op` is not one.
    pub(super) fn visit_bulk(&mut self, op: &Operator<'_>) -> bool {
        use Operator as O;
        match *op {
            // Memory 0's forms take no memory immediate (its code predates multi-memory).
            O::MemoryFill { mem: 0 } => self.helper(Helper::MemoryFill, 3, &[], None),
            O::MemoryFill { mem } => self.helper(Helper::MemoryFillIndexed, 3, &[mem], None),
            O::MemoryCopy {
                dst_mem: 0,
                src_mem: 0,
            } => self.helper(Helper::MemoryCopy, 3, &[], None),
            O::MemoryCopy { dst_mem, src_mem } => {
                self.helper(Helper::MemoryCopyIndexed, 3, &[dst_mem, src_mem], None)
            }
            O::MemoryInit { data_index, mem: 0 } => {
                self.helper(Helper::MemoryInit, 3, &[data_index], None)
            }
            O::MemoryInit { data_index, mem } => {
                self.helper(Helper::MemoryInitIndexed, 3, &[data_index, mem], None)
            }
            O::MemoryGrow { mem } => {
                let ty = self.env.info.memories[mem as usize].index_type();
                self.helper(Helper::MemoryGrowIndexed, 1, &[mem], Some(ty))
            }
            O::DataDrop { data_index } => self.helper(Helper::DataDrop, 0, &[data_index], None),
            O::TableGet { table } => {
                let ty = self.env.info.tables[table as usize].element;
                self.helper(Helper::TableGet, 1, &[table], Some(ty))
            }
            O::TableSet { table } => self.helper(Helper::TableSet, 2, &[table], None),
            O::TableGrow { table } => {
                let ty = self.env.info.tables[table as usize].index_type();
                self.helper(Helper::TableGrow, 2, &[table], Some(ty))
            }
            O::TableFill { table } => self.helper(Helper::TableFill, 3, &[table], None),
            O::TableCopy {
                dst_table,
                src_table,
            } => self.helper(Helper::TableCopy, 3, &[dst_table, src_table], None),
            O::TableInit { elem_index, table } => {
                self.helper(Helper::TableInit, 3, &[table, elem_index], None)
            }
            O::ElemDrop { elem_index } => self.helper(Helper::ElemDrop, 0, &[elem_index], None),
            O::TableSize { table } => self.table_size(table),
            O::RefIsNull => self.ref_is_null(),
            O::RefFunc { function_index } => self.ref_func(function_index),
            _ => return false,
        }
        true
    }

    /// Calls `helper` with the top `operands` values and then `immediates` as arguments.
    fn helper(
        &mut self,
        helper: Helper,
        operands: usize,
        immediates: &[u32],
        result: Option<ValType>,
    ) {
        self.leaving_wasm_code();
        let len = self.stack.len();
        for i in 0..operands {
            let e = self.stack.get(len - operands + i);
            let src = self.operand(e);
            self.store_to(e.ty, src, crate::abi::regs::RSP, 8 * i as i32);
        }
        for (j, imm) in immediates.iter().enumerate() {
            let disp = 8 * (operands + j) as i32;
            dynasm!(self.asm ; .arch x64 ; mov QWORD [rsp + disp], *imm as i32);
        }
        self.stack.truncate(len - operands);
        self.spill_registers(self.stack.len());
        self.max_outgoing = self.max_outgoing.max((operands + immediates.len()) as u32);
        let trap = self.dynamic_trap_site();
        dynasm!(self.asm ; .arch x64 ; mov rsi, rsp);
        self.emit_host_helper_call(helper.libcall_offset());
        dynasm!(self.asm
            ; .arch x64
            ; test eax, eax
            ; jnz =>trap
        );
        // Everything is spilled and eax holds the result: a transfer point.
        self.transfer_point();
        if let Some(ty) = result {
            let r = self.alloc_gpr();
            dynasm!(self.asm ; .arch x64 ; mov Rq(r), [rsp]);
            self.push_gpr(ty, r);
        }
    }

    fn table_size(&mut self, index: u32) {
        let r = self.alloc_gpr();
        let off = self.env.layout.table(index);
        dynasm!(self.asm
            ; .arch x64
            ; mov rax, [r15 + off]
            ; mov Rd(r), [rax + table::LEN]
        );
        // Zero-extended: also the i64 size of a 64-bit table.
        self.push_gpr(self.env.info.tables[index as usize].index_type(), r);
    }

    fn ref_is_null(&mut self) {
        let (_, src) = self.pop_opnd();
        match src {
            Opnd::Imm(bits) => {
                self.stack
                    .push(ValType::I32, Loc::Const((bits == 0) as u64));
                return;
            }
            Opnd::Gpr(r) => dynasm!(self.asm ; .arch x64 ; test Rq(r), Rq(r)),
            Opnd::Mem(d) => dynasm!(self.asm ; .arch x64 ; cmp QWORD [rbp + d], 0),
            Opnd::Xmm(_) => unreachable!("references live in general registers"),
        }
        self.free(src);
        self.stack.push(ValType::I32, Loc::Flags(Cond::E));
    }

    fn ref_func(&mut self, index: u32) {
        let r = self.alloc_gpr();
        let disp = index as i32 * funcref::SIZE;
        dynasm!(self.asm
            ; .arch x64
            ; mov Rq(r), [r15 + header::FUNCREFS]
            ; add Rq(r), disp
        );
        self.push_gpr(self.env.info.func_ref_type(index), r);
    }
}
