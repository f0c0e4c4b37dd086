package vlfer.data.synth;

/** The FACS action units the synthetic faces are built from, with how a description names them. */
public enum ActionUnit {
    AU1("inner brow raiser", "raised inner brows"),
    AU2("outer brow raiser", "raised outer brows"),
    AU4("brow lowerer", "lowered, drawn-together brows"),
    AU5("upper lid raiser", "widened eyes"),
    AU6("cheek raiser", "raised cheeks"),
    AU7("lid tightener", "narrowed eyes"),
    AU9("nose wrinkler", "wrinkled nose"),
    AU12("lip corner puller", "lip corners pulled up"),
    AU14("dimpler", "tightened lip corner"),
    AU15("lip corner depressor", "lip corners pulled down"),
    AU16("lower lip depressor", "lowered lower lip"),
    AU20("lip stretcher", "lips stretched sideways"),
    AU23("lip tightener", "tightened, pressed lips"),
    AU26("jaw drop", "dropped jaw, open mouth");

    private final String facsName;
    private final String phrase;

    ActionUnit(String facsName, String phrase) {
        this.facsName = facsName;
        this.phrase = phrase;
    }

    public String facsName() {
        return facsName;
    }

    /** How the description of a face names this action. */
    public String phrase() {
        return phrase;
    }
}
