/* hello.c - the smallest useful guest: prints a greeting and its argv.
 * argv[0] is printed as its last path component, so that the output does
 * not depend on how the binary was named on the command line. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    printf("Hello from AArch64!\n");
    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *slash = i == 0 ? strrchr(a, '/') : NULL;
        printf("argv[%d] = \"%s\"\n", i, slash ? slash + 1 : a);
    }
    return 0;
}
