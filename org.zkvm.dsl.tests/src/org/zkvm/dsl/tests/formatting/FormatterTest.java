package org.zkvm.dsl.tests.formatting;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.formatter.FormatterTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zkvm.dsl.tests.ZknetInjectorProvider;

import com.google.inject.Inject;

/** The formatter lays a model out as the language reference shows it. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ZknetInjectorProvider.class)
class FormatterTest {

	@Inject
	private FormatterTestHelper formatter;

	@Test
	void indentsBlocksPutsStatementsOnTheirOwnLinesAndKeepsValuesTogether() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("""
					network   production 10.0.0.0/8
					cec Z13A model z13 {  chpid 10 osd devices F500 - F51F
					lpar LPAR11 id 11 kvm {   management   mgmt0  address 192.168.50.11/24   via 192.168.50.1
					osa o5s_10g_1   device 0.0.f500 , 0.0.f501 , 0.0.f502 chpid 10 layer 2
					forwarding on o5s_10g_1 ,br-ex


					ovs br-ex routed mtu 57344
					}}
					zvm P { system A system B isfc A <-> B { ctc 6000-6003 chpid Z13A . 50 remote 6000-6003 } }
					""");
			request.setExpectation("""
					network production 10.0.0.0/8
					cec Z13A model z13 {
						chpid 10 osd devices F500-F51F
						lpar LPAR11 id 11 kvm {
							management mgmt0 address 192.168.50.11/24 via 192.168.50.1
							osa o5s_10g_1 device 0.0.f500,0.0.f501,0.0.f502 chpid 10 layer 2
							forwarding on o5s_10g_1, br-ex

							ovs br-ex routed mtu 57344
						}
					}
					zvm P {
						system A
						system B
						isfc A <-> B {
							ctc 6000-6003 chpid Z13A.50 remote 6000-6003
						}
					}
					""");
		});
	}

	@Test
	void keepsCommentsAndIsStableOnFormattedText() {
		String formatted = """
				// the production net
				network production 10.0.0.0/8

				cec C {
					// an OSA port
					chpid 10 osd
				}
				""";
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(formatted);
			request.setExpectation(formatted);
		});
	}

	/** The shipped examples are laid out as the formatter lays them out: formatting one changes nothing. */
	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.MethodSource("examples")
	void theShippedExamplesAreLaidOutAsTheFormatterWould(java.nio.file.Path file) throws java.io.IOException {
		String text = java.nio.file.Files.readString(file);
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(text);
			request.setExpectation(text);
		});
	}

	/** Comments keep their place: a blank line after a comment, aligned trailing comments, comments inside blocks indented. */
	@Test
	void commentsKeepTheirPlaceAndBlocksIndentThem() {
		String formatted = """
				// the production net

				network production 10.0.0.0/8   // the 10.x net
				network intranet 172.18.0.0/15  // the intranet

				cec C {
					// an OSA port
					chpid 10 osd

					/* the HiperSockets LAN */
					chpid F4 iqd HSLAN frame 64K
				}
				""";
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(formatted.replace("\t// an OSA port", "// an OSA port").replace("\t/* the", "  /* the"));
			request.setExpectation(formatted);
		});
	}

	/** A file with Windows line ends keeps them. */
	@Test
	void windowsLineEndsStay() {
		String formatted = "network production 10.0.0.0/8\r\ncec C {\r\n\tchpid 10 osd\r\n}\r\n";
		formatter.assertFormatted(request -> {
			request.setToBeFormatted(formatted.replace("\tchpid", "chpid"));
			request.setExpectation(formatted);
		});
	}

	static java.util.stream.Stream<java.nio.file.Path> examples() throws java.io.IOException {
		return java.nio.file.Files.walk(org.zkvm.dsl.tests.Workspace.root().resolve("examples")).filter(f -> f.toString().endsWith(".zknet"))
				.filter(f -> !f.toString().contains("/target/")).sorted().toList().stream();
	}
}
