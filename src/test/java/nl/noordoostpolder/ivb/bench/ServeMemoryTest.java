package nl.noordoostpolder.ivb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The benchmark reads the heap in use from {@code jcmd PID GC.heap_info} as JDK 17 prints it for each collector. */
class ServeMemoryTest {

    private static final String METASPACE = """
             Metaspace       used 8885K, committed 9088K, reserved 1114112K
              class space    used 1062K, committed 1152K, reserved 1048576K
            """;

    @Test
    void g1PrintsTheWholeHeapOnOneLine() {
        assertEquals(5957, ServeMemory.heapUsedKb("""
                17024:
                 garbage-first heap   total 40960K, used 5957K [0x0000000686800000, 0x0000000800000000)
                  region size 4096K, 0 young (0K), 0 survivors (0K)
                """ + METASPACE));
    }

    @Test
    void parallelAndSerialPrintOneLinePerGenerationWhichAreAdded() {
        assertEquals(17511 + 2048, ServeMemory.heapUsedKb("""
                17312:
                 PSYoungGen      total 113152K, used 17511K [0x0000000782380000, 0x000000078a180000, 0x0000000800000000)
                  eden space 97280K, 18% used [0x0000000782380000,0x0000000783499df8,0x0000000788280000)
                  from space 15872K, 0% used [0x0000000789200000,0x0000000789200000,0x000000078a180000)
                 ParOldGen       total 258048K, used 2M [0x0000000686a00000, 0x0000000696600000, 0x0000000782380000)
                  object space 258048K, 0% used [0x0000000686a00000,0x0000000686a00000,0x0000000696600000)
                """ + METASPACE));
        assertEquals(18593 + 100, ServeMemory.heapUsedKb("""
                 def new generation   total 116160K, used 18593K [0x0000000686a00000, 0x000000068e800000, 0x00000007046a0000)
                  eden space 103296K,  18% used [0x0000000686a00000, 0x0000000687c28690, 0x000000068cee0000)
                 tenured generation   total 258048K, used 100K [0x00000007046a0000, 0x00000007142a0000, 0x0000000800000000)
                """ + METASPACE));
    }

    @Test
    void zgcAndShenandoahStateTheUsedHeapTheirOwnWay() {
        assertEquals(50 * 1024, ServeMemory.heapUsedKb("""
                17389:
                 ZHeap           used 50M, capacity 378M, max capacity 6038M
                """ + METASPACE));
        assertEquals(18432, ServeMemory.heapUsedKb("""
                17526:
                Shenandoah Heap
                 6038M max, 6038M soft max, 378M committed, 18432K used
                 3019 x 2048K regions
                """ + METASPACE));
    }

    @Test
    void metaspaceAloneIsNoHeapUsage() {
        assertThrows(IllegalArgumentException.class, () -> ServeMemory.heapUsedKb("17024:\n" + METASPACE));
    }

    @Test
    void procStatusFieldsAreReadInKib() {
        String status = "Name:\tjava\nVmHWM:\t   90240 kB\nVmRSS:\t   70048 kB\n";
        assertEquals(70048, ServeMemory.statusKb(status, "VmRSS"));
        assertEquals(90240, ServeMemory.statusKb(status, "VmHWM"));
    }
}
