import os
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
import os
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
# Generates src/frontend/decoder/a64-simd.table.ts rows.
rows = []  # (section, id, asm, bits)
sec = None
def S(name):
    global sec; sec = name
def R(id, asm, bits):
    assert len(bits) == 32, (id, bits, len(bits))
    rows.append((sec, id, asm, bits))

# ---------------- three same (integer) ----------------
S('Advanced SIMD three same / scalar three same (integer)')
ts = [  # (U, opc, name, page, scalar?, size_fixed)
 (0,'00000','SHADD',None,False),(0,'00001','SQADD',None,True),(0,'00010','SRHADD',None,False),
 (0,'00100','SHSUB',None,False),(0,'00101','SQSUB',None,True),(0,'00110','CMGT_reg','CMGT (register)',True),
 (0,'00111','CMGE_reg','CMGE (register)',True),(0,'01000','SSHL',None,True),(0,'01001','SQSHL_reg','SQSHL (register)',True),
 (0,'01010','SRSHL',None,True),(0,'01011','SQRSHL',None,True),(0,'01100','SMAX',None,False),(0,'01101','SMIN',None,False),
 (0,'01110','SABD',None,False),(0,'01111','SABA',None,False),(0,'10000','ADD','ADD (vector)',True),(0,'10001','CMTST',None,True),
 (0,'10010','MLA','MLA (vector)',False),(0,'10011','MUL','MUL (vector)',False),(0,'10100','SMAXP',None,False),(0,'10101','SMINP',None,False),
 (0,'10110','SQDMULH','SQDMULH (vector)',True),(0,'10111','ADDP','ADDP (vector)',False),
 (1,'00000','UHADD',None,False),(1,'00001','UQADD',None,True),(1,'00010','URHADD',None,False),
 (1,'00100','UHSUB',None,False),(1,'00101','UQSUB',None,True),(1,'00110','CMHI','CMHI (register)',True),
 (1,'00111','CMHS','CMHS (register)',True),(1,'01000','USHL',None,True),(1,'01001','UQSHL_reg','UQSHL (register)',True),
 (1,'01010','URSHL',None,True),(1,'01011','UQRSHL',None,True),(1,'01100','UMAX',None,False),(1,'01101','UMIN',None,False),
 (1,'01110','UABD',None,False),(1,'01111','UABA',None,False),(1,'10000','SUB','SUB (vector)',True),(1,'10001','CMEQ_reg','CMEQ (register)',True),
 (1,'10010','MLS','MLS (vector)',False),(1,'10011','PMUL',None,False),(1,'10100','UMAXP',None,False),(1,'10101','UMINP',None,False),
 (1,'10110','SQRDMULH','SQRDMULH (vector)',True),
]
for U,opc,name,page,scal in ts:
    page = page or name
    R(f'{name}_vector', f'{page}, vector', f'0q{U}01110xx1mmmmm{opc}1nnnnnddddd')
for U,opc,name,page,scal in ts:
    page = page or name
    if scal: R(f'{name}_scalar', f'{page}, scalar', f'01{U}11110xx1mmmmm{opc}1nnnnnddddd')
for U,sz,name,page in [(0,'00','AND_vector','AND (vector)'),(0,'01','BIC_vector_reg','BIC (vector, register)'),(0,'10','ORR_vector_reg','ORR (vector, register)'),
                       (0,'11','ORN_vector','ORN (vector)'),(1,'00','EOR_vector','EOR (vector)'),(1,'01','BSL','BSL'),(1,'10','BIT','BIT'),(1,'11','BIF','BIF')]:
    R(name, page, f'0q{U}01110{sz}1mmmmm000111nnnnnddddd')

S('Advanced SIMD three same / scalar three same (floating point, single and double)')
fts = [ # (U,a,opc,name,page,scalar)
 (0,0,'11000','FMAXNM','FMAXNM (vector)',False),(0,0,'11001','FMLA','FMLA (vector)',False),(0,0,'11010','FADD','FADD (vector)',False),
 (0,0,'11011','FMULX','FMULX',True),(0,0,'11100','FCMEQ_reg','FCMEQ (register)',True),(0,0,'11110','FMAX','FMAX (vector)',False),
 (0,0,'11111','FRECPS','FRECPS',True),
 (0,1,'11000','FMINNM','FMINNM (vector)',False),(0,1,'11001','FMLS','FMLS (vector)',False),(0,1,'11010','FSUB','FSUB (vector)',False),
 (0,1,'11110','FMIN','FMIN (vector)',False),(0,1,'11111','FRSQRTS','FRSQRTS',True),
 (1,0,'11000','FMAXNMP','FMAXNMP (vector)',False),(1,0,'11010','FADDP','FADDP (vector)',False),(1,0,'11011','FMUL','FMUL (vector)',False),
 (1,0,'11100','FCMGE_reg','FCMGE (register)',True),(1,0,'11101','FACGE','FACGE',True),(1,0,'11110','FMAXP','FMAXP (vector)',False),
 (1,0,'11111','FDIV','FDIV (vector)',False),
 (1,1,'11000','FMINNMP','FMINNMP (vector)',False),(1,1,'11010','FABD','FABD',True),(1,1,'11100','FCMGT_reg','FCMGT (register)',True),
 (1,1,'11101','FACGT','FACGT',True),(1,1,'11110','FMINP','FMINP (vector)',False),
]
for U,a,opc,name,page,scal in fts:
    R(f'{name}_vector', f'{page}, vector', f'0q{U}01110{a}z1mmmmm{opc}1nnnnnddddd')
for U,a,opc,name,page,scal in fts:
    if scal: R(f'{name}_scalar', f'{page}, scalar', f'01{U}11110{a}z1mmmmm{opc}1nnnnnddddd')

S('Advanced SIMD two-register miscellaneous / scalar two-register miscellaneous (integer)')
tm = [ # (U,opc,name,page,scalar,vector)
 (0,'00000','REV64',None,False,True),(0,'00001','REV16_vector','REV16 (vector)',False,True),(0,'00010','SADDLP',None,False,True),
 (0,'00011','SUQADD',None,True,True),(0,'00100','CLS_vector','CLS (vector)',False,True),(0,'00101','CNT',None,False,True),
 (0,'00110','SADALP',None,False,True),(0,'00111','SQABS',None,True,True),(0,'01000','CMGT_zero','CMGT (zero)',True,True),
 (0,'01001','CMEQ_zero','CMEQ (zero)',True,True),(0,'01010','CMLT_zero','CMLT (zero)',True,True),(0,'01011','ABS',None,True,True),
 (0,'10010','XTN',None,False,True),(0,'10100','SQXTN',None,True,True),
 (1,'00000','REV32_vector','REV32 (vector)',False,True),(1,'00010','UADDLP',None,False,True),(1,'00011','USQADD',None,True,True),
 (1,'00100','CLZ_vector','CLZ (vector)',False,True),(1,'00110','UADALP',None,False,True),(1,'00111','SQNEG',None,True,True),
 (1,'01000','CMGE_zero','CMGE (zero)',True,True),(1,'01001','CMLE_zero','CMLE (zero)',True,True),(1,'01011','NEG','NEG (vector)',True,True),
 (1,'10010','SQXTUN',None,True,True),(1,'10011','SHLL',None,False,True),(1,'10100','UQXTN',None,True,True),
]
for U,opc,name,page,scal,vec in tm:
    page = page or name
    suffix = '' if name.endswith('_vector') else '_vector'
    R(f'{name}{suffix}', f'{page}, vector', f'0q{U}01110xx10000{opc}10nnnnnddddd')
for U,opc,name,page,scal,vec in tm:
    page = page or name
    if scal: R(f'{name}_scalar', f'{page}, scalar', f'01{U}11110xx10000{opc}10nnnnnddddd')
R('NOT', 'NOT', '0q10111000100000010110nnnnnddddd')
R('RBIT_vector', 'RBIT (vector)', '0q10111001100000010110nnnnnddddd')

S('Advanced SIMD two-register miscellaneous / scalar two-register miscellaneous (floating point)')
ftm = [ # (U,a,opc,name,page,scalar,vector)
 (0,0,'10110','FCVTN','FCVTN, FCVTN2',False,True),(0,0,'10111','FCVTL','FCVTL, FCVTL2',False,True),
 (0,0,'11000','FRINTN','FRINTN (vector)',False,True),(0,0,'11001','FRINTM','FRINTM (vector)',False,True),
 (0,0,'11010','FCVTNS','FCVTNS (vector)',True,True),(0,0,'11011','FCVTMS','FCVTMS (vector)',True,True),
 (0,0,'11100','FCVTAS','FCVTAS (vector)',True,True),(0,0,'11101','SCVTF_int','SCVTF (vector, integer)',True,True),
 (0,1,'01100','FCMGT_zero','FCMGT (zero)',True,True),(0,1,'01101','FCMEQ_zero','FCMEQ (zero)',True,True),
 (0,1,'01110','FCMLT_zero','FCMLT (zero)',True,True),(0,1,'01111','FABS','FABS (vector)',False,True),
 (0,1,'11000','FRINTP','FRINTP (vector)',False,True),(0,1,'11001','FRINTZ','FRINTZ (vector)',False,True),
 (0,1,'11010','FCVTPS','FCVTPS (vector)',True,True),(0,1,'11011','FCVTZS_int','FCVTZS (vector, integer)',True,True),
 (0,1,'11100','URECPE','URECPE',False,True),(0,1,'11101','FRECPE','FRECPE',True,True),(0,1,'11111','FRECPX','FRECPX',True,False),
 (1,0,'10110','FCVTXN','FCVTXN, FCVTXN2',True,True),(1,0,'11000','FRINTA','FRINTA (vector)',False,True),
 (1,0,'11001','FRINTX','FRINTX (vector)',False,True),(1,0,'11010','FCVTNU','FCVTNU (vector)',True,True),
 (1,0,'11011','FCVTMU','FCVTMU (vector)',True,True),(1,0,'11100','FCVTAU','FCVTAU (vector)',True,True),
 (1,0,'11101','UCVTF_int','UCVTF (vector, integer)',True,True),
 (1,1,'01100','FCMGE_zero','FCMGE (zero)',True,True),(1,1,'01101','FCMLE_zero','FCMLE (zero)',True,True),
 (1,1,'01111','FNEG','FNEG (vector)',False,True),(1,1,'11001','FRINTI','FRINTI (vector)',False,True),
 (1,1,'11010','FCVTPU','FCVTPU (vector)',True,True),(1,1,'11011','FCVTZU_int','FCVTZU (vector, integer)',True,True),
 (1,1,'11100','URSQRTE','URSQRTE',False,True),(1,1,'11101','FRSQRTE','FRSQRTE',True,True),
 (1,1,'11111','FSQRT','FSQRT (vector)',False,True),
]
for U,a,opc,name,page,scal,vec in ftm:
    if vec: R(f'{name}_vector', f'{page}, vector', f'0q{U}01110{a}z10000{opc}10nnnnnddddd')
for U,a,opc,name,page,scal,vec in ftm:
    if scal: R(f'{name}_scalar', f'{page}, scalar', f'01{U}11110{a}z10000{opc}10nnnnnddddd')

S('Advanced SIMD across lanes')
for U,opc,name in [(0,'00011','SADDLV'),(0,'01010','SMAXV'),(0,'11010','SMINV'),(0,'11011','ADDV'),(1,'00011','UADDLV'),(1,'01010','UMAXV'),(1,'11010','UMINV')]:
    R(name, name, f'0q{U}01110xx11000{opc}10nnnnnddddd')
for a,opc,name in [(0,'01100','FMAXNMV'),(1,'01100','FMINNMV'),(0,'01111','FMAXV'),(1,'01111','FMINV')]:
    R(name, name, f'0q101110{a}z11000{opc}10nnnnnddddd')

S('Advanced SIMD scalar pairwise')
R('ADDP_scalar', 'ADDP (scalar)', '01011110xx110001101110nnnnnddddd')
for a,opc,name,page in [(0,'01100','FMAXNMP','FMAXNMP (scalar)'),(1,'01100','FMINNMP','FMINNMP (scalar)'),(0,'01101','FADDP','FADDP (scalar)'),(0,'01111','FMAXP','FMAXP (scalar)'),(1,'01111','FMINP','FMINP (scalar)')]:
    R(f'{name}_scalar', page, f'011111110{a}z11000{opc}10nnnnnddddd'.replace('011111110','01111110',1) if False else f'01111110{a}z11000{opc}10nnnnnddddd')

S('Advanced SIMD three different / scalar three different')
td = [(0,'0000','SADDL',None),(0,'0001','SADDW',None),(0,'0010','SSUBL',None),(0,'0011','SSUBW',None),(0,'0100','ADDHN',None),
      (0,'0101','SABAL',None),(0,'0110','SUBHN',None),(0,'0111','SABDL',None),(0,'1000','SMLAL','SMLAL (vector)'),(0,'1001','SQDMLAL','SQDMLAL (vector)'),
      (0,'1010','SMLSL','SMLSL (vector)'),(0,'1011','SQDMLSL','SQDMLSL (vector)'),(0,'1100','SMULL','SMULL (vector)'),(0,'1101','SQDMULL','SQDMULL (vector)'),
      (0,'1110','PMULL',None),
      (1,'0000','UADDL',None),(1,'0001','UADDW',None),(1,'0010','USUBL',None),(1,'0011','USUBW',None),(1,'0100','RADDHN',None),
      (1,'0101','UABAL',None),(1,'0110','RSUBHN',None),(1,'0111','UABDL',None),(1,'1000','UMLAL','UMLAL (vector)'),(1,'1010','UMLSL','UMLSL (vector)'),
      (1,'1100','UMULL','UMULL (vector)')]
for U,opc,name,page in td:
    if name == 'PMULL':  # size = 11 (PMULL.1Q) is FEAT_PMULL: not a row
        R('PMULL_vector', 'PMULL (8-bit), vector', f'0q{U}0111000' + f'1mmmmm{opc}00nnnnnddddd')
        continue
    R(f'{name}_vector', f'{page or name}, vector', f'0q{U}01110xx1mmmmm{opc}00nnnnnddddd')
for opc,name in [('1001','SQDMLAL'),('1011','SQDMLSL'),('1101','SQDMULL')]:
    R(f'{name}_scalar', f'{name} (vector), scalar', f'01011110xx1mmmmm{opc}00nnnnnddddd')

S('Advanced SIMD shift by immediate / scalar shift by immediate (immh != 0000)')
sh = [ # (U,opc,name,page,scalar,vector)
 (0,'00000','SSHR',None,True,True),(0,'00010','SSRA',None,True,True),(0,'00100','SRSHR',None,True,True),(0,'00110','SRSRA',None,True,True),
 (0,'01010','SHL',None,True,True),(0,'01110','SQSHL_imm','SQSHL (immediate)',True,True),(0,'10000','SHRN',None,False,True),
 (0,'10001','RSHRN',None,False,True),(0,'10010','SQSHRN',None,True,True),(0,'10011','SQRSHRN',None,True,True),(0,'10100','SSHLL',None,False,True),
 (0,'11100','SCVTF_fix','SCVTF (vector, fixed-point)',True,True),(0,'11111','FCVTZS_fix','FCVTZS (vector, fixed-point)',True,True),
 (1,'00000','USHR',None,True,True),(1,'00010','USRA',None,True,True),(1,'00100','URSHR',None,True,True),(1,'00110','URSRA',None,True,True),
 (1,'01000','SRI',None,True,True),(1,'01010','SLI',None,True,True),(1,'01100','SQSHLU',None,True,True),(1,'01110','UQSHL_imm','UQSHL (immediate)',True,True),
 (1,'10000','SQSHRUN',None,True,True),(1,'10001','SQRSHRUN',None,True,True),(1,'10010','UQSHRN',None,True,True),(1,'10011','UQRSHRN',None,True,True),
 (1,'10100','USHLL',None,False,True),(1,'11100','UCVTF_fix','UCVTF (vector, fixed-point)',True,True),(1,'11111','FCVTZU_fix','FCVTZU (vector, fixed-point)',True,True),
]
for U,opc,name,page,scal,vec in sh:
    R(f'{name}_vector', f'{page or name}, vector', f'0q{U}011110hhhhbbb{opc}1nnnnnddddd')
for U,opc,name,page,scal,vec in sh:
    if scal: R(f'{name}_scalar', f'{page or name}, scalar', f'01{U}111110hhhhbbb{opc}1nnnnnddddd')

S('Advanced SIMD vector x indexed element / scalar x indexed element')
ix = [ # (U,opc,name,page,scalar,fp)
 (0,'0010','SMLAL','SMLAL (by element)',False,False),(0,'0011','SQDMLAL','SQDMLAL (by element)',True,False),
 (0,'0110','SMLSL','SMLSL (by element)',False,False),(0,'0111','SQDMLSL','SQDMLSL (by element)',True,False),
 (0,'1000','MUL','MUL (by element)',False,False),(0,'1010','SMULL','SMULL (by element)',False,False),
 (0,'1011','SQDMULL','SQDMULL (by element)',True,False),(0,'1100','SQDMULH','SQDMULH (by element)',True,False),
 (0,'1101','SQRDMULH','SQRDMULH (by element)',True,False),
 (1,'0000','MLA','MLA (by element)',False,False),(1,'0010','UMLAL','UMLAL (by element)',False,False),
 (1,'0100','MLS','MLS (by element)',False,False),(1,'0110','UMLSL','UMLSL (by element)',False,False),
 (1,'1010','UMULL','UMULL (by element)',False,False),
 (0,'0001','FMLA','FMLA (by element)',True,True),(0,'0101','FMLS','FMLS (by element)',True,True),
 (0,'1001','FMUL','FMUL (by element)',True,True),(1,'1001','FMULX','FMULX (by element)',True,True),
]
for U,opc,name,page,scal,fp in ix:
    sz = '1z' if fp else 'xx'
    R(f'{name}_elem_vector', f'{page}, vector', f'0q{U}01111{sz}LMmmmm{opc}H0nnnnnddddd')
for U,opc,name,page,scal,fp in ix:
    sz = '1z' if fp else 'xx'
    if scal: R(f'{name}_elem_scalar', f'{page}, scalar', f'01{U}11111{sz}LMmmmm{opc}H0nnnnnddddd')

S('Advanced SIMD copy / scalar copy')
R('DUP_element_vector', 'DUP (element), vector', '0q001110000iiiii000001nnnnnddddd')
R('DUP_element_scalar', 'DUP (element), scalar (MOV scalar)', '01011110000iiiii000001nnnnnddddd')
R('DUP_general', 'DUP (general)', '0q001110000iiiii000011nnnnnddddd')
R('SMOV', 'SMOV', '0q001110000iiiii001011nnnnnddddd')
R('UMOV', 'UMOV (MOV to general)', '0q001110000iiiii001111nnnnnddddd')
R('INS_general', 'INS (general) (MOV from general)', '01001110000iiiii000111nnnnnddddd')
R('INS_element', 'INS (element) (MOV element)', '01101110000iiiii0jjjj1nnnnnddddd')

S('Advanced SIMD permute, extract, table lookup')
for opc,name in [('001','UZP1'),('010','TRN1'),('011','ZIP1'),('101','UZP2'),('110','TRN2'),('111','ZIP2')]:
    R(name, name, f'0q001110xx0mmmmm0{opc}10nnnnnddddd')
R('EXT', 'EXT', '0q101110000mmmmm0kkkk0nnnnnddddd')
R('TBL', 'TBL (1-4 registers)', '0q001110000mmmmm0ll000nnnnnddddd')
R('TBX', 'TBX (1-4 registers)', '0q001110000mmmmm0ll100nnnnnddddd')

S('Advanced SIMD modified immediate (o2 = 0; o2 = 1 is FEAT_FP16 FMOV)')
mi = [
 ('MOVI_32','MOVI, 32-bit shifted immediate','0q00111100000iii0ss001jjjjjddddd'),
 ('ORR_vector_imm_32','ORR (vector, immediate), 32-bit','0q00111100000iii0ss101jjjjjddddd'),
 ('MOVI_16','MOVI, 16-bit shifted immediate','0q00111100000iii10s001jjjjjddddd'),
 ('ORR_vector_imm_16','ORR (vector, immediate), 16-bit','0q00111100000iii10s101jjjjjddddd'),
 ('MOVI_32_msl','MOVI, 32-bit shifting ones','0q00111100000iii110s01jjjjjddddd'),
 ('MOVI_8','MOVI, 8-bit','0q00111100000iii111001jjjjjddddd'),
 ('FMOV_vector_imm_single','FMOV (vector, immediate), single-precision','0q00111100000iii111101jjjjjddddd'),
 ('MVNI_32','MVNI, 32-bit shifted immediate','0q10111100000iii0ss001jjjjjddddd'),
 ('BIC_vector_imm_32','BIC (vector, immediate), 32-bit','0q10111100000iii0ss101jjjjjddddd'),
 ('MVNI_16','MVNI, 16-bit shifted immediate','0q10111100000iii10s001jjjjjddddd'),
 ('BIC_vector_imm_16','BIC (vector, immediate), 16-bit','0q10111100000iii10s101jjjjjddddd'),
 ('MVNI_32_msl','MVNI, 32-bit shifting ones','0q10111100000iii110s01jjjjjddddd'),
 ('MOVI_64_scalar','MOVI, 64-bit scalar','0010111100000iii111001jjjjjddddd'),
 ('MOVI_64_vector','MOVI, 64-bit vector','0110111100000iii111001jjjjjddddd'),
 ('FMOV_vector_imm_double','FMOV (vector, immediate), double-precision','0110111100000iii111101jjjjjddddd'),
]
for id,asm,bits in mi: R(id, asm, bits)

ids = [r[1] for r in rows]
assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
out = ['''/**
 * Decoder rows: Advanced SIMD (Armv8.0 AdvSIMD, single and double precision
 * floating point; no FEAT_FP16, FEAT_DotProd, FEAT_RDM, crypto or PMULL.1Q).
 * See a64-base.table.ts for the row conventions. Sections follow the Arm ARM
 * "Data Processing -- Scalar Floating-Point and Advanced SIMD" index. Field
 * letters used in this file:
 *   q Q (1 = 128-bit vector)   x size   z sz (floating point: 1 = double)
 *   d Rd   n Rn   m Rm (by element: Rm<3:0>, with M)   L M H  index bits
 *   h immh   b immb   i imm5 (copy) / a:b:c (modified immediate)
 *   j imm4 (INS element) / d:e:f:g:h (modified immediate)
 *   s cmode shift bits   k EXT imm4   l TBL/TBX len
 * Reserved values of size/Q/immh are decoded by the handlers.
 */
import type { A64Row } from './row.js';

export const SIMD_ROWS = [''']
last = None
for s,id,asm,bits in rows:
    if s != last:
        if last is not None: out.append('')
        out.append(f'  // ---- {s} ----')
        last = s
    out.append(f"  {{ id: '{id}', asm: '{asm}', bits: '{bits}' }},")
out.append('] as const satisfies readonly A64Row[];')
open(os.path.join(ROOT,'src/frontend/decoder/a64-simd.table.ts'),'w').write('\n'.join(out)+'\n')
print(len(rows))
import json
json.dump([r[1:] for r in rows], open('rows.json','w'))
