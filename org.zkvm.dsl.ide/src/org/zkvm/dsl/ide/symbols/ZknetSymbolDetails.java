package org.zkvm.dsl.ide.symbols;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.zkvm.dsl.topology.Hosts;
import org.zkvm.dsl.zknet.FiconChpid;
import org.zkvm.dsl.zknet.IqdChpid;
import org.zkvm.dsl.zknet.Lpar;
import org.zkvm.dsl.zknet.Network;
import org.zkvm.dsl.zknet.Nic;
import org.zkvm.dsl.zknet.OsaChpid;
import org.zkvm.dsl.zknet.OsaInterface;
import org.zkvm.dsl.zknet.OvsBridge;
import org.zkvm.dsl.zknet.HiperSocketsInterface;

/** The detail an outline shows beside a name: what the element is, in a few words. */
public class ZknetSymbolDetails extends DocumentSymbolDetailsProvider {

	@Override
	public String getDetails(EObject element) {
		return switch (element) {
			case Lpar lpar -> lpar.getOs().getLiteral() + " LPAR " + Hosts.lparIdText(lpar);
			case OsaInterface osa -> "OSA, layer " + Hosts.layer(osa) + ", MTU " + Hosts.mtu(osa);
			case HiperSocketsInterface hs -> "HiperSockets, layer " + Hosts.layer(hs) + ", MTU " + Hosts.mtu(hs);
			case OvsBridge bridge -> "OVS " + (bridge.isRouted() ? "routed" : "attached") + ", MTU " + Hosts.mtu(bridge);
			case Nic nic -> "NIC, MTU " + Hosts.mtu(nic);
			case Network network -> network.getCidr();
			case FiconChpid chpid -> "FICON " + chpid.getGeneration().getLiteral();
			case OsaChpid chpid -> "OSD";
			case IqdChpid lan -> "IQD " + lan.getId() + ", frame " + Hosts.frame(lan);
			default -> super.getDetails(element);
		};
	}
}
