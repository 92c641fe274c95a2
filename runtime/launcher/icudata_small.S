/* The stand-in libicudata.so.72 of `jspack --icu=small`: the filtered ICU
   data package (scripts/make-small-icu.sh) under the one symbol Debian's
   libicudata.so.72 exports and libicuuc.so.72 imports, icudt72_dat. ICU
   reads the package in place, so it must be 16-byte aligned. */
        .section .rodata
        .globl  icudt72_dat
        .type   icudt72_dat, @object
        .balign 16
icudt72_dat:
        .incbin JSPACK_ICU_SMALL_DAT
        .size   icudt72_dat, . - icudt72_dat
        .section .note.GNU-stack, "", @progbits
