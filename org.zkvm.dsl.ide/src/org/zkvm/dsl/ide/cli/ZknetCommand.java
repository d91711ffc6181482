package org.zkvm.dsl.ide.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(name = "zknet", mixinStandardHelpOptions = true, versionProvider = ZknetCommand.Version.class,
		description = {"Plans IBM Z / LinuxONE networks: validates .zknet models against the pitfalls of IBM's",
				"performance papers, and generates host configurations and capacity reports."},
		subcommands = {ValidateCommand.class, GenerateCommand.class, ReportCommand.class, LabCommand.class, LspCommand.class},
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = {"0:no errors", "1:the model has errors", "2:usage error or unreadable input", "3:internal fault (please report it)"})
public class ZknetCommand implements Runnable {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required: validate, generate, report, lab or lsp");
	}

	static class Version implements IVersionProvider {
		@Override
		public String[] getVersion() {
			String version = ZknetCommand.class.getPackage().getImplementationVersion();
			return new String[] {"zknet " + (version == null ? "development build" : version),
					"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
		}
	}
}
