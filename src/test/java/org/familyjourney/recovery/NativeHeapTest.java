package org.familyjourney.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the JVM says a trim of the C allocator did, read as a user of the recycle API sees it. */
class NativeHeapTest {

    @Test
    void readsTheJvmsFigures() {
        assertThat(NativeHeap.parse("Trim native heap: RSS+Swap: 1730M->1541M (-188M)"))
                .hasValueSatisfying(trimmed -> assertThat(trimmed.releasedMb()).isEqualTo(189));
        assertThat(NativeHeap.parse("Trim native heap: RSS+Swap: 2G->1024M (-1G)"))
                .hasValueSatisfying(trimmed -> assertThat(trimmed.releasedMb()).isEqualTo(1024));
    }

    @Test
    void saysNothingWhereTheAllocatorCannotBeTrimmed() {
        assertThat(NativeHeap.parse("Not available.")).isEmpty();
    }

    @Test
    void trimsThisJvm() {
        // Linux with glibc, as here, in CI and in the image: the command is there and answers with figures.
        assertThat(NativeHeap.trim()).isPresent();
    }
}
