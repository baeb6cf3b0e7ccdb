// SPDX-License-Identifier: GPL-2.0
///
/// Find open-coded LEB128 (DWARF variable length integer) decoders,
/// skippers and encoders; <linux/leb128.h> provides bounded ones.
///
/// The report, context and org modes flag the shapes such codecs take:
/// a loop accumulating (byte & 0x7f) << shift, a loop skipping bytes
/// while bit 7 is set, and a loop emitting value & 0x7f then shifting
/// the value right by 7.
///
/// The patch mode converts the private codecs of the arc and sh DWARF
/// unwinders and of perf's JIT debug info writer:
///  - arc get_uleb128()/get_sleb128() become leb128_get_u32()/_s32()
///    with a local "err". The old readers signalled an over-wide value
///    by moving the cursor past the end; each "cursor > end" test of a
///    caller now also acts on err: a test that returns gets "|| err",
///    any other is preceded by "if (err)" with the same action;
///  - sh dwarf_read_uleb128()/dwarf_read_leb128() become
///    leb128_decode_u32()/_s32(), bounded by the end parameter of the
///    caller, which returns the error (freeing what it allocated);
///  - perf encoder bodies become leb128_encode_u64()/_s64();
///  - arm unwind_decode_uleb128() gathers the operand from the packed
///    unwind words, at most 4 bytes as before, and decodes the copy with
///    __leb128_decode_u32(); its caller fails the unwind on an error;
///  - arm64 skip_xleb128() (SCS patching, early pi/ code) uses
///    leb128_skip() bounded by the bytes left in the FDE; its callers
///    return EDYNSCS_INVALID_CFA_OPCODE on an error;
///  - riscv apply_uleb128_accumulation() (R_RISCV_SET_ULEB128 and
///    R_RISCV_SUB_ULEB128) writes the value at the width of the field it
///    patches with leb128_encode_u64_padded(), and reports a value that
///    is negative or does not fit.
/// The arc, sh and perf helpers are removed. Every other codec is only
/// reported: each has its own bound and error convention to decide by
/// hand.
///
/// Report mode only counts a decoder whose shift grows by 7 per byte,
/// and no skip in a function that shifts a value left by 7 (big-endian
/// base 128, as in BER object identifiers). Codecs that stay open-coded
/// for a reason are reported with it (see "stays" below).
///
// Confidence: Moderate
// Comments: The report modes also match hand-written loops that only
//  look like LEB128 (e.g. other 7-bit varint formats).
// Options: --no-includes --include-headers

virtual patch
virtual context
virtual org
virtual report

//----------------------------------------------------------------------
// patch: arc (arch/arc/kernel/unwind.c)
//----------------------------------------------------------------------

@arc_helper depends on patch@
identifier get =~ "^get_s?u?leb128$";
identifier pcur, end;
type T;
typedef u8;
@@

- T get(const u8 **pcur, const u8 *end) { ... }

@initialize:python@
@@

arc_fns = set()
arc_ret_ifs = set()

// The calls of the readers: their cursor, bound and function.
@arc_use depends on patch && arc_helper@
expression P, E;
position p;
@@

\(get_uleb128@p\|get_sleb128@p\)(&P, E)

@script:python depends on patch@
p << arc_use.p;
@@

arc_fns.add(p[0].current_element)

@arc_err depends on patch@
identifier afn : script:python() { afn in arc_fns };
@@

 afn(...) {
+	int err = 0;
 ... when any
 }

// The old readers reported an over-wide value by leaving the cursor past
// the end, which their callers test with "cursor > end". Each such test
// gets a test of err before it, taking the same action. A test of the
// cursor after a call of another function taking it is left alone.
@arc_other depends on patch && arc_helper@
expression P;
identifier f !~ "^get_s?u?leb128$";
statement S;
position p;
@@

 if@p (<+... f(..., &P, ...) ...+>) S

@arc_gt depends on patch && arc_helper@
expression arc_use.P, arc_use.E, X;
position q : script:python() { q[0].current_element in arc_fns };
@@

(
 X >@q E
&
 <+... P ...+>
)

@arc_retpos depends on patch && arc_helper@
expression X, E, R;
position arc_gt.q, p != arc_other.p;
@@

 if@p (<+... X >@q E ...+>) return R;

@arc_check depends on patch && arc_helper@
expression X, E;
statement S;
position arc_gt.q, p != {arc_other.p, arc_retpos.p};
@@

+ if (err)
+	S
 if@p (<+... X >@q E ...+>) S

@script:python depends on patch@
p << arc_retpos.p;
@@

arc_ret_ifs.add((p[0].file, p[0].line))

@arc_ret depends on patch && arc_helper@
expression arc_use.E, X, R;
position p : script:python() { (p[0].file, p[0].line) in arc_ret_ifs };
@@

 if@p (<+...
- X > E
+ X > E || err
 ...+>) return R;

// "C ? (void)E1 : (void)reader()" as a statement becomes an if/else.
@arc_cond depends on patch && arc_helper@
expression C, E1, P, E;
identifier rd =~ "^get_s?u?leb128$";
@@

- C ? (void) E1 : (void) rd(&P, E);
+ if (C)
+	E1;
+ else
+	rd(&P, E);

@arc_neg depends on patch && arc_helper@
expression P, E;
type T;
@@

- (T) 0 - get_uleb128(&P, E)
+ (T)0 - leb128_get_u32(&P, E, &err)

@arc_call depends on patch && arc_helper@
expression P, E;
@@

(
- get_uleb128(&P, E)
+ leb128_get_u32(&P, E, &err)
|
- get_sleb128(&P, E)
+ leb128_get_s32(&P, E, &err)
)

//----------------------------------------------------------------------
// patch: sh (arch/sh/kernel/dwarf.c)
//----------------------------------------------------------------------

@sh_helper depends on patch@
identifier rd =~ "^dwarf_read_s?u?leb128$";
identifier addr, ret;
type T, V;
@@

- T rd(char *addr, V *ret) { ... }

// A reader in a function that allocated the object being filled in.
@sh_alloc depends on patch && sh_helper@
identifier fn, end =~ "end$";
expression X, C, P, V;
@@

 fn(..., unsigned char *end, ...)
 {
 ... when any
 X = \(kzalloc\|kmalloc\)(...);
 <...
(
- C = dwarf_read_uleb128(P, V);
+ C = leb128_decode_u32(P, end, V);
+ if (C < 0) {
+	kfree(X);
+	return C;
+ }
|
- C = dwarf_read_leb128(P, V);
+ C = leb128_decode_s32(P, end, V);
+ if (C < 0) {
+	kfree(X);
+	return C;
+ }
)
 ...>
 }

@sh_call depends on patch && sh_helper@
identifier fn, end =~ "end$";
expression C, P, V;
@@

 fn(..., unsigned char *end, ...)
 {
 <...
(
- C = dwarf_read_uleb128(P, V);
+ C = leb128_decode_u32(P, end, V);
+ if (C < 0)
+	return C;
|
- C = dwarf_read_leb128(P, V);
+ C = leb128_decode_s32(P, end, V);
+ if (C < 0)
+	return C;
)
 ...>
 }

// The byte count may now be negative: an unsigned count becomes an int,
// declared at the top of the function unless an outer one exists.
@sh_cnt depends on patch@
identifier fn, C;
expression list es;
@@

 fn(...) {
 <...
 C = leb128_decode_u32(es);
 ...>
 }

@sh_cnt_rm depends on patch@
identifier sh_cnt.fn, sh_cnt.C;
type T = {unsigned int};
@@

 fn(...) {
 <...
- T C;
 ...>
 }

@sh_cnt_has depends on patch && sh_cnt_rm@
identifier sh_cnt.fn, sh_cnt.C;
position p;
type T;
@@

 fn@p(...) {
 ... when any
 T C;
 ... when any
 }

@sh_cnt_add depends on patch && sh_cnt_rm@
identifier sh_cnt.fn, sh_cnt.C;
position q != sh_cnt_has.p;
@@

 fn@q(...) {
+	int C;
 ... when any
 }

//----------------------------------------------------------------------
// patch: arm (arch/arm/kernel/unwind.c)
//----------------------------------------------------------------------

// The operand bytes come one at a time from a getter that walks the
// packed unwind instruction words, so they are gathered first (at most
// 4, the old limit of 28 bits) and the copy is decoded. The helper now
// returns the decoder's result and passes the value out. The unwinder is
// built without function tracing (it runs inside the tracers), so it
// uses the always-inline decoder and calls nothing out of its object. (spatch 1.1.1
// cannot match a do-while loop, so the body goes as whole statements
// once the shape is found inside it.)
@arm_shape depends on patch@
identifier fn, ctrl, get, insn, bytes, result;
type TC;
@@

 unsigned long fn(TC *ctrl)
 {
 <+...
 insn = get(ctrl);
 result |= (insn & 0x7f) << (bytes * 7);
 ...+>
 }

@arm_helper depends on patch@
identifier arm_shape.fn, arm_shape.ctrl, arm_shape.get;
type TC;
declaration D1, D2, D3;
statement S1, S2;
@@

- unsigned long fn(TC *ctrl)
+ int fn(TC *ctrl, u32 *val)
  {
- D1
- D2
- D3
- S1
- S2
+ u8 buf[4];
+ unsigned int n = 0;
+
+	/*
+	 * unwind_get_byte() returns one byte of the packed instruction
+	 * words at a time: gather the operand, at most 4 bytes (28 bits,
+	 * a vsp increment of up to 1073742336), then decode it.
+	 */
+ while (n < sizeof(buf)) {
+	u8 byte = get(ctrl);
+
+	buf[n++] = byte;
+	if (!(byte & 0x80))
+		break;
+ }
+ return __leb128_decode_u32(buf, buf + n, val);
  }

@arm_call depends on patch && arm_helper@
identifier arm_shape.fn, u;
expression C;
@@

- unsigned long u = fn(C);
+ u32 u;

@arm_fail depends on patch && arm_helper@
identifier arm_shape.fn, arm_call.u;
expression arm_call.C;
statement S;
@@

  u32 u;
+
+ if (fn(C, &u) < 0) {
+	pr_warn("unwind: Invalid vsp increment operand\n");
+	return -URC_FAILURE;
+ }
  S

//----------------------------------------------------------------------
// patch: arm64 (arch/arm64/kernel/pi/patch-scs.c)
//----------------------------------------------------------------------

// skip_xleb128() read until a byte without bit 7, however far that was,
// and returned the bytes left in the FDE, negative once it had read past
// the end. It now skips within those bytes and returns an error instead.
// leb128_skip() is always inline: pi/ code may not call out of its object.
@arm64_shape depends on patch@
identifier fn, opcode, size, c;
@@

 int fn(const u8 **opcode, int size)
 {
 <+...
 c = *(*opcode)++;
 size--;
 ...+>
 }

@arm64_helper depends on patch@
identifier arm64_shape.fn, arm64_shape.opcode, arm64_shape.size;
declaration D;
statement S1, S2;
@@

  int fn(const u8 **opcode, int size)
  {
- D
- S1
- S2
+ int len = leb128_skip(*opcode, *opcode + size);
+
+ if (len < 0)
+	return len;
+ *opcode += len;
+ return size - len;
  }

@arm64_call depends on patch && arm64_helper@
identifier arm64_shape.fn;
expression O, S;
@@

  S = fn(O, S);
+ if (S < 0)
+	return EDYNSCS_INVALID_CFA_OPCODE;

@arm64_inc depends on patch && arm64_helper@
@@

 #include <linux/init.h>
+#include <linux/leb128.h>

//----------------------------------------------------------------------
// patch: riscv (arch/riscv/kernel/module.c)
//----------------------------------------------------------------------

// The accumulated R_RISCV_SET_ULEB128/SUB_ULEB128 value was written in
// as many bytes as it needed, whatever the width of the field (and not
// at all when it was 0; a negative value never ended the loop). It is
// now written at the field's own width, as the linkers do, and a value
// that is negative or too wide for the field is reported.
@riscv_enc depends on patch@
identifier fn, me, location, buffer, p, value;
@@

  fn(struct module *me, void *location, long buffer)
  {
  u8 *p = location;
+ int width = leb128_skip(p, p + LEB128_MAX_LEN_U64);
- while (buffer != 0) {
-	u8 value = buffer & 0x7f;
-
-	buffer >>= 7;
-	value |= (!!buffer) << 7;
-
-	*p++ = value;
- }
+ if (width < 0) {
+	pr_err("%s: ULEB128 relocation field is not terminated within %d bytes\n",
+	       me->name, LEB128_MAX_LEN_U64);
+	return -EINVAL;
+ }
+ if (buffer < 0 || leb128_encode_u64_padded(p, width, buffer, width) < 0) {
+	pr_err("%s: value %ld out of range for %d-byte ULEB128 relocation.\n",
+	       me->name, buffer, width);
+	return -EINVAL;
+ }
  return 0;
  }

@riscv_inc depends on patch && riscv_enc@
@@

 #include <linux/kernel.h>
+#include <linux/leb128.h>

@dec_inc depends on patch && (arc_helper || sh_helper || arm_helper)@
@@

+#include <linux/leb128.h>
 #include <linux/module.h>

//----------------------------------------------------------------------
// patch: encoders that append one byte at a time (tools/perf)
//----------------------------------------------------------------------

@shape_u depends on patch@
identifier fn, be, data, cur, add;
type TC;
@@

 fn(...) {
 <+...
 TC cur = data & 0x7F;
 data >>= 7;
 if (data)
	cur |= 0x80;
 add(be, &cur, 1);
 ...+>
 }

@enc_u depends on patch@
identifier shape_u.fn, shape_u.be, shape_u.data, shape_u.add;
type TB, TD;
statement S;
@@

 fn(TB *be, TD data)
 {
-	S
+	u8 buf[LEB128_MAX_LEN_U64];
+
+	add(be, buf, leb128_encode_u64(buf, sizeof(buf), data));
 }

@shape_s depends on patch@
identifier fn, be, data, cur, add;
type TC;
@@

 fn(...) {
 <+...
 while (...) {
 TC cur = data & 0x7F;
 data >>= 7;
 ...
 add(be, &cur, 1);
 }
 ...+>
 }

@enc_s depends on patch@
identifier shape_s.fn, shape_s.be, shape_s.data, shape_s.add;
type TB, TD;
declaration D1, D2, D3;
statement S;
@@

 fn(TB *be, TD data)
 {
-	D1
-	D2
-	D3
-	S
+	u8 buf[LEB128_MAX_LEN_S64];
+
+	add(be, buf, leb128_encode_s64(buf, sizeof(buf), data));
 }

@enc_inc depends on patch && (enc_u || enc_s)@
@@

 #include <linux/compiler.h>
+#include <linux/leb128.h>

//----------------------------------------------------------------------
// report, context, org: open-coded codecs anywhere
//----------------------------------------------------------------------

@initialize:python@
@@

# Codecs that stay open-coded, by file and function, with the reason.
# Report and org modes print it with the finding.
stays = {
	("lib/xz/xz_dec_stream.c", "dec_vli"):
		"stays: xz multibyte integers are decoded incrementally across input buffers, which the buffer API cannot resume",
}

def stay_note(p):
	for (f, fn), why in stays.items():
		if p.file.endswith(f) and p.current_element == fn:
			return "; " + why
	return ""

// A decoder: 7-bit groups shifted left by a count that grows by 7 per
// byte, written "n * 7" or kept in a variable incremented by 7.
@dec_step depends on context || org || report@
identifier fn;
expression S;
@@

 fn(...) { <+... S += 7 ...+> }

@dec depends on org || report@
expression V, B, N;
constant c =~ "^0[xX]7[fF][uU]?[lL]?$";
type T;
position p;
@@

(
 V |=@p (B & c) << (N * 7)
|
 V |=@p (T)(B & c) << (N * 7)
|
 V +=@p (B & c) << (N * 7)
)

@dec2 depends on org || report@
identifier dec_step.fn;
expression dec_step.S, V, B;
constant c =~ "^0[xX]7[fF][uU]?[lL]?$";
type T;
position p;
@@

 fn(...) { <+...
(
 V |=@p (B & c) << S
|
 V |=@p (T)(B & c) << S
|
 V +=@p (B & c) << S
)
 ...+> }

@depends on context@
expression V, B, N;
constant c =~ "^0[xX]7[fF][uU]?[lL]?$";
type T;
@@

(
* V |= (B & c) << (N * 7)
|
* V |= (T)(B & c) << (N * 7)
|
* V += (B & c) << (N * 7)
)

@depends on context@
identifier dec_step.fn;
expression dec_step.S, V, B;
constant c =~ "^0[xX]7[fF][uU]?[lL]?$";
type T;
@@

 fn(...) { <+...
(
* V |= (B & c) << S
|
* V |= (T)(B & c) << S
|
* V += (B & c) << S
)
 ...+> }

// Big-endian base 128 (BER/ASN.1 object identifiers) shifts the value
// left by 7 before each byte: its bit 7 tests are not LEB128.
@big_endian depends on context || org || report@
identifier fn;
expression X;
position p;
@@

 fn@p(...) { <+...
(
 X <<= 7
|
 X = X << 7
)
 ...+> }

// A byte taken from a cursor, then its bit 7 tested.
@skip_rd depends on context || org || report@
expression B, E;
position p1;
@@

(
 B =@p1 *E++
|
 B =@p1 *(*E)++
)

@skip depends on context || org || report@
expression skip_rd.B;
constant c =~ "^0[xX]80[uU]?$";
position q != big_endian.p;
position p : script:python(skip_rd.p1) {
	p[0].current_element == p1[0].current_element
};
identifier fn;
@@

 fn@q(...) { <+...
(
 B &@p c
|
 B &@p BIT(7)
)
 ...+> }

@depends on context@
expression skip_rd.B;
position skip.p;
@@

* B &@p ...

// A 7-bit group taken from a value, then the value shifted by 7.
@enc depends on org || report@
expression V, X;
identifier I;
constant c =~ "^0[xX]7[fF][uU]?$";
type T;
position p;
@@

(
 T I@p = X & c;
|
 V =@p X & c;
)
 ... when != X = ...
 X >>= 7;

@depends on context@
expression V, X;
identifier I;
constant c =~ "^0[xX]7[fF][uU]?$";
type T;
@@

(
* T I = X & c;
|
* V = X & c;
)
 ... when != X = ...
* X >>= 7;

@script:python depends on org@
p << dec.p;
@@

coccilib.org.print_todo(p[0], "open-coded LEB128 decoder: use leb128_decode_*() or leb128_read_*()" + stay_note(p[0]))

@script:python depends on org@
p << dec2.p;
@@

coccilib.org.print_todo(p[0], "open-coded LEB128 decoder: use leb128_decode_*() or leb128_read_*()" + stay_note(p[0]))

@script:python depends on org@
p << skip.p;
@@

coccilib.org.print_todo(p[0], "open-coded LEB128 skip: use leb128_skip() or leb128_skip_read()" + stay_note(p[0]))

@script:python depends on org@
p << enc.p;
@@

coccilib.org.print_todo(p[0], "open-coded LEB128 encoder: use leb128_encode_*()" + stay_note(p[0]))

@script:python depends on report@
p << dec.p;
@@

coccilib.report.print_report(p[0], "WARNING: open-coded LEB128 decoder: use leb128_decode_*() or leb128_read_*()" + stay_note(p[0]))

@script:python depends on report@
p << dec2.p;
@@

coccilib.report.print_report(p[0], "WARNING: open-coded LEB128 decoder: use leb128_decode_*() or leb128_read_*()" + stay_note(p[0]))

@script:python depends on report@
p << skip.p;
@@

coccilib.report.print_report(p[0], "WARNING: open-coded LEB128 skip: use leb128_skip() or leb128_skip_read()" + stay_note(p[0]))

@script:python depends on report@
p << enc.p;
@@

coccilib.report.print_report(p[0], "WARNING: open-coded LEB128 encoder: use leb128_encode_*()" + stay_note(p[0]))
