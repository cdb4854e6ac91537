package com.clockface.cli;

import com.clockface.admin.AdminServices;
import com.clockface.admin.KioskSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code clockface settings list|get|set|reset}: the kiosk settings (see admin.KioskSettings), validated and audited. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Show or change the kiosk settings. A bad value is refused with what is allowed; changes are audited.",
        subcommands = {SettingsCommand.ListCmd.class, SettingsCommand.Get.class, SettingsCommand.Set.class, SettingsCommand.Reset.class})
public final class SettingsCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    static Map<String, Object> describe(KioskSettings s, KioskSettings.Key k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", k.name());
        m.put("value", s.get(k.name()));
        m.put("default", k.defaultValue());
        m.put("isDefault", !s.isSet(k.name()));
        m.put("group", k.group());
        m.put("description", k.description());
        if (!k.choices().isEmpty()) m.put("choices", k.choices());
        return m;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every setting with its value and meaning.")
    static final class ListCmd extends ServiceCommand {
        @Override
        int run(AdminServices s) {
            KioskSettings ks = s.settings();
            if (json) {
                List<Object> rows = new ArrayList<>();
                for (KioskSettings.Key k : KioskSettings.keys()) rows.add(describe(ks, k));
                printJson(rows);
            } else {
                String group = null;
                for (KioskSettings.Key k : KioskSettings.keys()) {
                    if (!k.group().equals(group)) {
                        group = k.group();
                        println((group.equals(KioskSettings.keys().get(0).group()) ? "" : "\n") + "# " + group);
                    }
                    String v = ks.get(k.name());
                    println(String.format("%-32s %s%s", k.name(), v.isEmpty() ? "\"\"" : v.replace("\n", " "),
                            ks.isSet(k.name()) ? "" : "   (default)"));
                }
            }
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print one setting's value.")
    static final class Get extends ServiceCommand {
        @Parameters(paramLabel = "KEY") String key;

        @Override
        int run(AdminServices s) {
            KioskSettings.Key k = KioskSettings.key(key).orElseThrow(() -> unknown(key));
            if (json) printJson(describe(s.settings(), k)); else println(s.settings().get(k.name()));
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a setting (validated, audited).")
    static final class Set extends ServiceCommand {
        @Parameters(index = "0", paramLabel = "KEY") String key;
        @Parameters(index = "1", paramLabel = "VALUE") String value;

        @Override
        int run(AdminServices s) {
            KioskSettings.Key k = KioskSettings.key(key).orElseThrow(() -> unknown(key));
            String stored = s.settings().set(k.name(), value, actor());
            if (json) printJson(describe(s.settings(), k)); else println(k.name() + " = " + stored);
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, description = "Back to the default value (audited).")
    static final class Reset extends ServiceCommand {
        @Parameters(paramLabel = "KEY") String key;

        @Override
        int run(AdminServices s) {
            KioskSettings.Key k = KioskSettings.key(key).orElseThrow(() -> unknown(key));
            s.settings().reset(k.name(), actor());
            if (json) printJson(describe(s.settings(), k)); else println(k.name() + " = " + s.settings().get(k.name()) + " (default)");
            return 0;
        }
    }

    static IllegalArgumentException unknown(String key) {
        List<String> names = KioskSettings.keys().stream().map(KioskSettings.Key::name).toList();
        return new IllegalArgumentException("There is no setting called '" + key + "'. Known settings: " + String.join(", ", names) + ".");
    }
}
