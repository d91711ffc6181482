package org.zkvm.dsl.tests.formatting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.tests.server.SeedWorkspaceServer;
import org.zkvm.dsl.tests.server.TextEdits;

/** Formatting asked of the server as an editor asks it: the edits it returns, applied, give the whole formatted text. */
class FormattingRequestTest extends SeedWorkspaceServer {

	@Test
	void formattingNormalisesLayout() throws Exception {
		String text = "network   lab    192.168.7.0/24\ncec LAB {\nchpid 30 osd\n  lpar L1 id 1 kvm {  osa o1 device 0.0.0600 chpid 30 address 192.168.7.2/24 in lab\n}\n}\n";
		Path scratch = scratch("scratch-format.zknet", text);
		try {
			String formatted = TextEdits.apply(text, server.formatting(scratch));
			assertEquals("""
					network lab 192.168.7.0/24
					cec LAB {
						chpid 30 osd
						lpar L1 id 1 kvm {
							osa o1 device 0.0.0600 chpid 30 address 192.168.7.2/24 in lab
						}
					}
					""", formatted);
		} finally {
			delete(scratch);
		}
	}
}
