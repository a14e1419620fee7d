/* bench-sieve.c - sieve of Eratosthenes over a byte array, repeated.
 * Usage: bench-sieve [rounds]   (default 16; each round sieves 4,000,000)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIMIT 4000000

static unsigned char composite[LIMIT + 1];

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 16;
    uint32_t count = 0;
    uint64_t sum = 0, check = 0;
    for (int r = 0; r < rounds; r++) {
        uint32_t limit = LIMIT - (uint32_t)r * 1000;
        memset(composite, 0, limit + 1);
        for (uint32_t i = 2; (uint64_t)i * i <= limit; i++)
            if (!composite[i])
                for (uint32_t j = i * i; j <= limit; j += i) composite[j] = 1;
        count = 0;
        sum = 0;
        for (uint32_t i = 2; i <= limit; i++)
            if (!composite[i]) { count++; sum += i; }
        check = check * 1000003u ^ count ^ (sum << 1);
    }
    printf("sieve: %d rounds, primes <= %u: %u, sum %llu\n", rounds, LIMIT - (uint32_t)(rounds - 1) * 1000,
           count, (unsigned long long)sum);
    printf("checksum %016llx\n", (unsigned long long)check);
    return 0;
}
