    .equ OFF_SP, 248
    .equ OFF_NZCV, 256
    .equ OFF_V, 264
    .text
    .global run_guest
    .global exit_stub
    .extern guest_code
run_guest:
    stp x29, x30, [sp, #-160]!
    stp x19, x20, [sp, #16]
    stp x21, x22, [sp, #32]
    stp x23, x24, [sp, #48]
    stp x25, x26, [sp, #64]
    stp x27, x28, [sp, #80]
    stp d8, d9, [sp, #96]
    stp d10, d11, [sp, #112]
    stp d12, d13, [sp, #128]
    stp d14, d15, [sp, #144]
    adrp x9, saved_sp
    mov x10, sp
    str x10, [x9, :lo12:saved_sp]
    adrp x9, state_ptr
    str x0, [x9, :lo12:state_ptr]
    mrs x10, tpidr_el0
    adrp x9, saved_tpidr
    str x10, [x9, :lo12:saved_tpidr]
    add x9, x0, #OFF_V
    ld1 {v0.16b-v3.16b}, [x9], #64
    ld1 {v4.16b-v7.16b}, [x9], #64
    ld1 {v8.16b-v11.16b}, [x9], #64
    ld1 {v12.16b-v15.16b}, [x9], #64
    ld1 {v16.16b-v19.16b}, [x9], #64
    ld1 {v20.16b-v23.16b}, [x9], #64
    ld1 {v24.16b-v27.16b}, [x9], #64
    ld1 {v28.16b-v31.16b}, [x9], #64
    ldr x10, [x0, #OFF_NZCV]
    msr nzcv, x10
    ldr x10, [x0, #OFF_SP]
    mov sp, x10
    ldp x2, x3, [x0, #16]
    ldp x4, x5, [x0, #32]
    ldp x6, x7, [x0, #48]
    ldp x8, x9, [x0, #64]
    ldp x10, x11, [x0, #80]
    ldp x12, x13, [x0, #96]
    ldp x14, x15, [x0, #112]
    ldp x16, x17, [x0, #128]
    ldp x18, x19, [x0, #144]
    ldp x20, x21, [x0, #160]
    ldp x22, x23, [x0, #176]
    ldp x24, x25, [x0, #192]
    ldp x26, x27, [x0, #208]
    ldp x28, x29, [x0, #224]
    ldr x30, [x0, #240]
    ldp x0, x1, [x0]
    b guest_code
exit_stub:
    msr tpidr_el0, x0
    adrp x0, state_ptr
    ldr x0, [x0, :lo12:state_ptr]
    str x1, [x0, #8]
    stp x2, x3, [x0, #16]
    stp x4, x5, [x0, #32]
    stp x6, x7, [x0, #48]
    stp x8, x9, [x0, #64]
    stp x10, x11, [x0, #80]
    stp x12, x13, [x0, #96]
    stp x14, x15, [x0, #112]
    stp x16, x17, [x0, #128]
    stp x18, x19, [x0, #144]
    stp x20, x21, [x0, #160]
    stp x22, x23, [x0, #176]
    stp x24, x25, [x0, #192]
    stp x26, x27, [x0, #208]
    stp x28, x29, [x0, #224]
    str x30, [x0, #240]
    mrs x1, tpidr_el0
    str x1, [x0]
    mov x1, sp
    str x1, [x0, #OFF_SP]
    mrs x1, nzcv
    str x1, [x0, #OFF_NZCV]
    add x1, x0, #OFF_V
    st1 {v0.16b-v3.16b}, [x1], #64
    st1 {v4.16b-v7.16b}, [x1], #64
    st1 {v8.16b-v11.16b}, [x1], #64
    st1 {v12.16b-v15.16b}, [x1], #64
    st1 {v16.16b-v19.16b}, [x1], #64
    st1 {v20.16b-v23.16b}, [x1], #64
    st1 {v24.16b-v27.16b}, [x1], #64
    st1 {v28.16b-v31.16b}, [x1], #64
    adrp x9, saved_tpidr
    ldr x9, [x9, :lo12:saved_tpidr]
    msr tpidr_el0, x9
    adrp x9, saved_sp
    ldr x9, [x9, :lo12:saved_sp]
    mov sp, x9
    ldp x19, x20, [sp, #16]
    ldp x21, x22, [sp, #32]
    ldp x23, x24, [sp, #48]
    ldp x25, x26, [sp, #64]
    ldp x27, x28, [sp, #80]
    ldp d8, d9, [sp, #96]
    ldp d10, d11, [sp, #112]
    ldp d12, d13, [sp, #128]
    ldp d14, d15, [sp, #144]
    ldp x29, x30, [sp], #160
    mov x0, #0
    ret
    .bss
    .align 4
state_ptr: .quad 0
saved_sp: .quad 0
saved_tpidr: .quad 0
