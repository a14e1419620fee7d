# id -> list of assembly lines (registers v0..v7, x1..x3 only)
C = {}
def add(id, *asms): C.setdefault(id, []).extend(asms)

def v3(id, mn, arrs, scal=None):
    for a in arrs: add(id+'_vector', f'{mn} v0.{a}, v1.{a}, v2.{a}')
    if scal:
        for s in scal: add(id+'_scalar', f'{mn} {s}0, {s}1, {s}2')
ALL = ['16b','8b','8h','4h','4s','2s','2d']
NO64 = ['16b','8b','8h','4h','4s','2s']
HS = ['8h','4h','4s','2s']
for mn in ['shadd','uhadd','srhadd','urhadd','shsub','uhsub','smax','smin','umax','umin','sabd','uabd','mla','mls','mul']:
    v3(mn.upper(), mn, NO64)
add('SABA_vector', 'saba v0.16b, v1.16b, v2.16b', 'saba v0.4h, v1.4h, v2.4h', 'saba v0.4s, v1.4s, v2.4s')
add('UABA_vector', 'uaba v0.16b, v1.16b, v2.16b', 'uaba v0.8h, v1.8h, v2.8h', 'uaba v0.2s, v1.2s, v2.2s')
for mn in ['sqadd','uqadd','sqsub','uqsub','sqshl','uqshl','sqrshl','uqrshl']:
    id = mn.upper() + ('_reg' if mn in ('sqshl','uqshl') else '')
    v3(id, mn, ALL, ['b','h','s','d'])
for mn in ['cmgt','cmge','cmhi','cmhs','cmeq','cmtst','sshl','ushl','srshl','urshl','add','sub']:
    id = mn.upper() + ('_reg' if mn in ('cmgt','cmge','cmeq') else '')
    v3(id, mn, ALL, ['d'])
v3('PMUL', 'pmul', ['16b','8b'])
v3('SQDMULH', 'sqdmulh', HS, ['h','s'])
v3('SQRDMULH', 'sqrdmulh', HS, ['h','s'])
v3('ADDP', 'addp', ALL)
for mn in ['smaxp','sminp','umaxp','uminp']: v3(mn.upper(), mn, NO64)
for mn,id in [('and','AND_vector'),('bic','BIC_vector_reg'),('orr','ORR_vector_reg'),('orn','ORN_vector'),('eor','EOR_vector'),('bsl','BSL'),('bit','BIT'),('bif','BIF')]:
    add(id, f'{mn} v0.16b, v1.16b, v2.16b', f'{mn} v0.8b, v1.8b, v2.8b')

# FP three same
FPV = ['4s','2s','2d']
for mn,id,scal in [('fmaxnm','FMAXNM',0),('fmla','FMLA',0),('fadd','FADD',0),('fmulx','FMULX',1),('fcmeq','FCMEQ_reg',1),('fmax','FMAX',0),
                   ('frecps','FRECPS',1),('fminnm','FMINNM',0),('fmls','FMLS',0),('fsub','FSUB',0),('fmin','FMIN',0),('frsqrts','FRSQRTS',1),
                   ('fmaxnmp','FMAXNMP',0),('faddp','FADDP',0),('fmul','FMUL',0),('fcmge','FCMGE_reg',1),('facge','FACGE',1),('fmaxp','FMAXP',0),
                   ('fdiv','FDIV',0),('fminnmp','FMINNMP',0),('fabd','FABD',1),('fcmgt','FCMGT_reg',1),('facgt','FACGT',1),('fminp','FMINP',0)]:
    v3(id, mn, FPV, ['s','d'] if scal else None)

def v2(id, mn, arrs, scal=None, suffix='_vector'):
    for a in arrs: add(id+suffix, f'{mn} v0.{a}, v1.{a}')
    if scal:
        for s in scal: add(id+'_scalar', f'{mn} {s}0, {s}1')
add('REV64_vector', 'rev64 v0.16b, v1.16b', 'rev64 v0.4h, v1.4h', 'rev64 v0.4s, v1.4s')
add('REV32_vector', 'rev32 v0.16b, v1.16b', 'rev32 v0.4h, v1.4h')
add('REV16_vector', 'rev16 v0.16b, v1.16b', 'rev16 v0.8b, v1.8b')
for mn in ['saddlp','uaddlp','sadalp','uadalp']:
    add(mn.upper()+'_vector', f'{mn} v0.8h, v1.16b', f'{mn} v0.2s, v1.4h', f'{mn} v0.2d, v1.4s', f'{mn} v0.1d, v1.2s')
for mn in ['suqadd','usqadd','sqabs','sqneg']:
    v2(mn.upper(), mn, ALL, ['b','h','s','d'])
for mn in ['abs','neg']:
    v2(mn.upper(), mn, ALL, ['d'])
for mn in ['cmgt','cmge','cmeq','cmle','cmlt']:
    for a in ALL: add(f'{mn.upper()}_zero_vector', f'{mn} v0.{a}, v1.{a}, #0')
    add(f'{mn.upper()}_zero_scalar', f'{mn} d0, d1, #0')
v2('CLS', 'cls', NO64)
v2('CLZ', 'clz', NO64)
add('CNT_vector', 'cnt v0.16b, v1.16b', 'cnt v0.8b, v1.8b')
add('NOT', 'not v0.16b, v1.16b', 'not v0.8b, v1.8b')
add('RBIT_vector', 'rbit v0.16b, v1.16b', 'rbit v0.8b, v1.8b')
for mn in ['xtn','sqxtn','uqxtn','sqxtun']:
    add(mn.upper()+'_vector', f'{mn} v0.8b, v1.8h', f'{mn}2 v0.16b, v1.8h', f'{mn} v0.4h, v1.4s', f'{mn}2 v0.8h, v1.4s', f'{mn} v0.2s, v1.2d', f'{mn}2 v0.4s, v1.2d')
    if mn != 'xtn': add(mn.upper()+'_scalar', f'{mn} b0, h1', f'{mn} h0, s1', f'{mn} s0, d1')
add('SHLL_vector', 'shll v0.8h, v1.8b, #8', 'shll2 v0.4s, v1.8h, #16', 'shll v0.2d, v1.2s, #32')

# FP two-reg misc
for mn,id,scal in [('frintn','FRINTN',0),('frintm','FRINTM',0),('fcvtns','FCVTNS',1),('fcvtms','FCVTMS',1),('fcvtas','FCVTAS',1),('scvtf','SCVTF_int',1),
                   ('fabs','FABS',0),('frintp','FRINTP',0),('frintz','FRINTZ',0),('fcvtps','FCVTPS',1),('fcvtzs','FCVTZS_int',1),('frecpe','FRECPE',1),
                   ('frinta','FRINTA',0),('frintx','FRINTX',0),('fcvtnu','FCVTNU',1),('fcvtmu','FCVTMU',1),('fcvtau','FCVTAU',1),('ucvtf','UCVTF_int',1),
                   ('fneg','FNEG',0),('frinti','FRINTI',0),('fcvtpu','FCVTPU',1),('fcvtzu','FCVTZU_int',1),('frsqrte','FRSQRTE',1),('fsqrt','FSQRT',0)]:
    v2(id, mn, FPV, ['s','d'] if scal else None)
for mn,id in [('fcmgt','FCMGT_zero'),('fcmeq','FCMEQ_zero'),('fcmlt','FCMLT_zero'),('fcmge','FCMGE_zero'),('fcmle','FCMLE_zero')]:
    for a in FPV: add(id+'_vector', f'{mn} v0.{a}, v1.{a}, #0.0')
    add(id+'_scalar', f'{mn} s0, s1, #0.0', f'{mn} d0, d1, #0.0')
add('URECPE_vector', 'urecpe v0.4s, v1.4s', 'urecpe v0.2s, v1.2s')
add('URSQRTE_vector', 'ursqrte v0.4s, v1.4s', 'ursqrte v0.2s, v1.2s')
add('FRECPX_scalar', 'frecpx s0, s1', 'frecpx d0, d1')
add('FCVTN_vector', 'fcvtn v0.2s, v1.2d', 'fcvtn2 v0.4s, v1.2d')
add('FCVTL_vector', 'fcvtl v0.2d, v1.2s', 'fcvtl2 v0.2d, v1.4s')
add('FCVTXN_vector', 'fcvtxn v0.2s, v1.2d', 'fcvtxn2 v0.4s, v1.2d')
add('FCVTXN_scalar', 'fcvtxn s0, d1')

# across lanes
for mn in ['addv','smaxv','sminv','umaxv','uminv']:
    add(mn.upper(), f'{mn} b0, v1.16b', f'{mn} b0, v1.8b', f'{mn} h0, v1.8h', f'{mn} h0, v1.4h', f'{mn} s0, v1.4s')
for mn in ['saddlv','uaddlv']:
    add(mn.upper(), f'{mn} h0, v1.16b', f'{mn} h0, v1.8b', f'{mn} s0, v1.8h', f'{mn} s0, v1.4h', f'{mn} d0, v1.4s')
for mn in ['fmaxnmv','fminnmv','fmaxv','fminv']:
    add(mn.upper(), f'{mn} s0, v1.4s')
add('ADDP_scalar', 'addp d0, v1.2d')
for mn in ['fmaxnmp','fminnmp','faddp','fmaxp','fminp']:
    add(mn.upper()+'_scalar', f'{mn} s0, v1.2s', f'{mn} d0, v1.2d')

# three different
for mn in ['saddl','uaddl','ssubl','usubl','sabal','uabal','sabdl','uabdl','smlal','umlal','smlsl','umlsl','smull','umull']:
    add(mn.upper()+'_vector', f'{mn} v0.8h, v1.8b, v2.8b', f'{mn}2 v0.8h, v1.16b, v2.16b', f'{mn} v0.4s, v1.4h, v2.4h', f'{mn}2 v0.2d, v1.4s, v2.4s', f'{mn} v0.2d, v1.2s, v2.2s')
for mn in ['saddw','uaddw','ssubw','usubw']:
    add(mn.upper()+'_vector', f'{mn} v0.8h, v1.8h, v2.8b', f'{mn}2 v0.8h, v1.8h, v2.16b', f'{mn} v0.4s, v1.4s, v2.4h', f'{mn}2 v0.2d, v1.2d, v2.4s')
for mn in ['addhn','raddhn','subhn','rsubhn']:
    add(mn.upper()+'_vector', f'{mn} v0.8b, v1.8h, v2.8h', f'{mn}2 v0.16b, v1.8h, v2.8h', f'{mn} v0.4h, v1.4s, v2.4s', f'{mn} v0.2s, v1.2d, v2.2d', f'{mn}2 v0.4s, v1.2d, v2.2d')
add('PMULL_vector', 'pmull v0.8h, v1.8b, v2.8b', 'pmull2 v0.8h, v1.16b, v2.16b')
for mn in ['sqdmull','sqdmlal','sqdmlsl']:
    add(mn.upper()+'_vector', f'{mn} v0.4s, v1.4h, v2.4h', f'{mn}2 v0.4s, v1.8h, v2.8h', f'{mn} v0.2d, v1.2s, v2.2s', f'{mn}2 v0.2d, v1.4s, v2.4s')
    add(mn.upper()+'_scalar', f'{mn} s0, h1, h2', f'{mn} d0, s1, s2')

# shifts
for mn,r in [('sshr',1),('ushr',1),('srshr',1),('urshr',1),('ssra',1),('usra',1),('srsra',1),('ursra',1),('sri',1),('sli',0),('shl',0)]:
    sh = lambda e: (1, e//2+1, e) if r else (0, e//2+1, e-1)
    for a,e in [('16b',8),('8b',8),('8h',16),('4h',16),('4s',32),('2s',32),('2d',64)]:
        for k in sh(e): add(mn.upper()+'_vector', f'{mn} v0.{a}, v1.{a}, #{k}')
    for k in sh(64): add(mn.upper()+'_scalar', f'{mn} d0, d1, #{k}')
for mn,id in [('sqshl','SQSHL_imm'),('uqshl','UQSHL_imm'),('sqshlu','SQSHLU')]:
    for a,e in [('16b',8),('8b',8),('8h',16),('4h',16),('4s',32),('2s',32),('2d',64)]:
        for k in (0, e//2-1, e-1): add(id+'_vector', f'{mn} v0.{a}, v1.{a}, #{k}')
    for s,e in [('b',8),('h',16),('s',32),('d',64)]:
        for k in (1, e-1): add(id+'_scalar', f'{mn} {s}0, {s}1, #{k}')
for mn in ['shrn','rshrn','sqshrn','sqrshrn','uqshrn','uqrshrn','sqshrun','sqrshrun']:
    for a,b,e in [('8b','8h',8),('4h','4s',16),('2s','2d',32)]:
        for k in (1, e//2, e): add(mn.upper()+'_vector', f'{mn} v0.{a}, v1.{b}, #{k}')
    add(mn.upper()+'_vector', f'{mn}2 v0.16b, v1.8h, #3', f'{mn}2 v0.4s, v1.2d, #17')
    if mn not in ('shrn','rshrn'):
        for s,t,e in [('b','h',8),('h','s',16),('s','d',32)]:
            for k in (1, e): add(mn.upper()+'_scalar', f'{mn} {s}0, {t}1, #{k}')
for mn in ['sshll','ushll']:
    add(mn.upper()+'_vector', f'{mn} v0.8h, v1.8b, #0', f'{mn} v0.8h, v1.8b, #7', f'{mn}2 v0.4s, v1.8h, #5', f'{mn} v0.2d, v1.2s, #31', f'{mn}2 v0.2d, v1.4s, #0')
add('SSHLL_vector', 'sxtl v0.4s, v1.4h')
add('USHLL_vector', 'uxtl2 v0.8h, v1.16b')
for mn,id in [('scvtf','SCVTF_fix'),('ucvtf','UCVTF_fix'),('fcvtzs','FCVTZS_fix'),('fcvtzu','FCVTZU_fix')]:
    add(id+'_vector', f'{mn} v0.4s, v1.4s, #1', f'{mn} v0.2s, v1.2s, #32', f'{mn} v0.2d, v1.2d, #17', f'{mn} v0.2d, v1.2d, #64')
    add(id+'_scalar', f'{mn} s0, s1, #5', f'{mn} d0, d1, #33')

# by element
for mn in ['mul','mla','mls']:
    add(mn.upper()+'_elem_vector', f'{mn} v0.8h, v1.8h, v2.h[5]', f'{mn} v0.4h, v1.4h, v7.h[0]', f'{mn} v0.4s, v1.4s, v2.s[3]', f'{mn} v0.2s, v1.2s, v3.s[1]')
for mn in ['sqdmulh','sqrdmulh']:
    add(mn.upper()+'_elem_vector', f'{mn} v0.8h, v1.8h, v2.h[5]', f'{mn} v0.4h, v1.4h, v7.h[0]', f'{mn} v0.4s, v1.4s, v2.s[3]', f'{mn} v0.2s, v1.2s, v3.s[1]')
    add(mn.upper()+'_elem_scalar', f'{mn} h0, h1, v2.h[7]', f'{mn} s0, s1, v2.s[2]')
for mn in ['smull','umull','smlal','umlal','smlsl','umlsl','sqdmull','sqdmlal','sqdmlsl']:
    add(mn.upper()+'_elem_vector', f'{mn} v0.4s, v1.4h, v2.h[5]', f'{mn}2 v0.4s, v1.8h, v2.h[2]', f'{mn} v0.2d, v1.2s, v2.s[3]', f'{mn}2 v0.2d, v1.4s, v3.s[0]')
for mn in ['sqdmull','sqdmlal','sqdmlsl']:
    add(mn.upper()+'_elem_scalar', f'{mn} s0, h1, v2.h[3]', f'{mn} d0, s1, v2.s[1]')
for mn in ['fmla','fmls','fmul','fmulx']:
    add(mn.upper()+'_elem_vector', f'{mn} v0.4s, v1.4s, v2.s[3]', f'{mn} v0.2s, v1.2s, v2.s[1]', f'{mn} v0.2d, v1.2d, v2.d[1]')
    add(mn.upper()+'_elem_scalar', f'{mn} s0, s1, v2.s[2]', f'{mn} d0, d1, v2.d[1]')

# copy
add('DUP_element_vector', 'dup v0.16b, v1.b[9]', 'dup v0.4h, v1.h[7]', 'dup v0.4s, v1.s[2]', 'dup v0.2d, v1.d[1]')
add('DUP_element_scalar', 'mov b0, v1.b[15]', 'mov h0, v1.h[3]', 'mov s0, v1.s[1]', 'mov d0, v1.d[1]')
add('DUP_general', 'dup v0.16b, w1', 'dup v0.4h, w1', 'dup v0.2s, w1', 'dup v0.2d, x1')
add('SMOV', 'smov w1, v1.b[7]', 'smov w1, v1.h[3]', 'smov x1, v1.b[15]', 'smov x1, v1.h[6]', 'smov x1, v1.s[3]')
add('UMOV', 'umov w1, v1.b[13]', 'umov w1, v1.h[5]', 'umov w1, v1.s[3]', 'umov x1, v1.d[1]')
add('INS_general', 'mov v0.b[11], w1', 'mov v0.h[6], w1', 'mov v0.s[1], w1', 'mov v0.d[1], x1')
add('INS_element', 'mov v0.b[3], v1.b[14]', 'mov v0.h[7], v1.h[0]', 'mov v0.s[2], v1.s[1]', 'mov v0.d[0], v1.d[1]')

# permute
for mn in ['uzp1','uzp2','trn1','trn2','zip1','zip2']:
    for a in ALL: add(mn.upper(), f'{mn} v0.{a}, v1.{a}, v2.{a}')
add('EXT', 'ext v0.16b, v1.16b, v2.16b, #0', 'ext v0.16b, v1.16b, v2.16b, #9', 'ext v0.8b, v1.8b, v2.8b, #3')
add('TBL', 'tbl v0.16b, {v1.16b}, v5.16b', 'tbl v0.8b, {v1.16b, v2.16b}, v5.8b', 'tbl v0.16b, {v1.16b, v2.16b, v3.16b}, v5.16b', 'tbl v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v5.16b', 'tbl v0.16b, {v0.16b, v1.16b}, v0.16b')
add('TBX', 'tbx v0.16b, {v1.16b}, v5.16b', 'tbx v0.8b, {v1.16b, v2.16b}, v5.8b', 'tbx v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v5.16b')

# modified immediate
add('MOVI_32', 'movi v0.4s, #0xab', 'movi v0.2s, #0xab, lsl #8', 'movi v0.4s, #0x12, lsl #16', 'movi v0.4s, #0x80, lsl #24')
add('ORR_vector_imm_32', 'orr v0.4s, #0xab', 'orr v0.2s, #0xab, lsl #24')
add('MOVI_16', 'movi v0.8h, #0xab', 'movi v0.4h, #0xcd, lsl #8')
add('ORR_vector_imm_16', 'orr v0.8h, #0xab', 'orr v0.4h, #0xcd, lsl #8')
add('MOVI_32_msl', 'movi v0.4s, #0xab, msl #8', 'movi v0.2s, #0xab, msl #16')
add('MOVI_8', 'movi v0.16b, #0xab', 'movi v0.8b, #0x7f')
add('FMOV_vector_imm_single', 'fmov v0.4s, #1.5', 'fmov v0.2s, #-0.125')
add('MVNI_32', 'mvni v0.4s, #0xab', 'mvni v0.2s, #0xab, lsl #24')
add('BIC_vector_imm_32', 'bic v0.4s, #0xab', 'bic v0.2s, #0xab, lsl #16')
add('MVNI_16', 'mvni v0.8h, #0xab', 'mvni v0.4h, #0xcd, lsl #8')
add('BIC_vector_imm_16', 'bic v0.8h, #0xab', 'bic v0.4h, #0xcd, lsl #8')
add('MVNI_32_msl', 'mvni v0.4s, #0xab, msl #8', 'mvni v0.2s, #0xab, msl #16')
add('MOVI_64_scalar', 'movi d0, #0xff00ff0000ffff00')
add('MOVI_64_vector', 'movi v0.2d, #0x00ff00ff00ff00ff')
add('FMOV_vector_imm_double', 'fmov v0.2d, #-3.0', 'fmov v0.2d, #31.0')
