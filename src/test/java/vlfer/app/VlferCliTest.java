package vlfer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VlferCliTest {
    @TempDir
    Path dir;

    @Test
    void helpListsCommandsAndEachCommandHasItsOwn() {
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.code());
        for (String c : new String[]{"synth", "train", "evaluate"}) {
            assertTrue(top.out().contains(c), top.out());
            CliRun help = CliRun.of(c, "--help");
            assertEquals(0, help.code());
            assertTrue(help.out().contains("usage: vlfer " + c) && help.out().contains("--set KEY=VALUE"), help.out());
        }
        assertTrue(CliRun.of("train", "--help").out().contains("--resume"));
    }

    @Test
    void mistakesExitWithTwoAndSayWhat() {
        CliRun unknown = CliRun.of("fly");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown command 'fly'"), unknown.err());
        CliRun badOption = CliRun.of("train", "--epochs", "3");
        assertEquals(2, badOption.code());
        assertTrue(badOption.err().contains("unknown option --epochs") && badOption.err().contains("usage: vlfer train"));
        CliRun noModel = CliRun.of("evaluate");
        assertEquals(2, noModel.code());
        assertTrue(noModel.err().contains("--model is required"), noModel.err());
    }

    @Test
    void configurationErrorsNameTheKeyAndFileWithoutAStackTrace() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "vlfer.train.epochs = many\n");
        CliRun r = CliRun.of("synth", "--config", conf.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("vlfer.train.epochs") && r.err().contains("bad.conf: 1"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void synthWritesTheDatasetAndSaysWhere() throws Exception {
        Path out = dir.resolve("faces");
        CliRun r = CliRun.of("synth", "--set", "vlfer.synth.dir=\"" + out + "\"", "--set", "vlfer.synth.train-per-class=1",
                "--set", "vlfer.synth.test-per-class=1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(out.toString()) && r.out().contains("train: 7 faces"), r.out());
        assertTrue(Files.exists(out.resolve("EmoLabel/list_patition_label.txt")));
    }
}
