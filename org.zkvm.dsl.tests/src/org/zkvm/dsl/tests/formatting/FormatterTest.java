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
}
