package com.clockface.cli;

import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure accuracy on labelled data (JSON on stdout, optional HTML report).",
        subcommands = {EvalIdentifyCommand.class, EvalPadCommand.class})
public final class EvalCommand { }
