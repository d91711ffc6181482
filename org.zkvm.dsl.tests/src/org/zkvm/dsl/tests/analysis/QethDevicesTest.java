package org.zkvm.dsl.tests.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.zkvm.dsl.analysis.BusId;
import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.QethDevices;
import org.zkvm.dsl.analysis.QethDevices.Other;

/** The bus-ID rules of a qeth group without the model: each rule the first one broken (facts §1.2). */
class QethDevicesTest {

	private static final DeviceRange CHPID = DeviceRange.parse("f500-f5ff");

	private static Optional<QethDevices.Broken> check(String written, List<Other> others) {
		return QethDevices.check(written, CHPID, others);
	}

	@Test
	void aReadDeviceOrAFullTripletOnTheChpidBreaksNoRule() {
		assertEquals(Optional.empty(), check("0.0.f500", List.of(new Other("enc2", "0.0.f503"))));
		assertEquals(Optional.empty(), check("0.0.f500,0.0.f501,0.0.f510", List.of()));
	}

	@Test
	void eachRuleIsReportedWithWhatBreaksIt() {
		assertEquals(Optional.of(new QethDevices.NotCanonical("0.0.F500", "0.0.f500")), check("0.0.F500", List.of()));
		assertEquals(Optional.of(new QethDevices.NotCanonical("f500", "0.0.f500")), check("f500", List.of()));
		assertEquals(Optional.of(new QethDevices.Count(2)), check("0.0.f500,0.0.f501", List.of()));
		assertEquals(Optional.of(new QethDevices.Write(BusId.parse("0.0.f501"), BusId.parse("0.0.f502"))), check("0.0.f500,0.0.f502,0.0.f503", List.of()));
		assertEquals(Optional.of(new QethDevices.Data(BusId.parse("0.0.f500"))), check("0.0.f500,0.0.f501,0.0.f500", List.of()));
		assertEquals(Optional.of(new QethDevices.OffChpid(BusId.parse("0.0.f600"), BusId.parse("0.0.f5fe"), CHPID)), check("0.0.f5fe", List.of()));
		assertEquals(Optional.of(new QethDevices.Shared(BusId.parse("0.0.f500"), "enc2")), check("0.0.f500", List.of(new Other("enc2", "0.0.f500, 0.0.f501, 0.0.f502"))));
	}

	@Test
	void withoutTheChpidsDevicesNeitherTheChpidNorOtherInterfacesAreChecked() {
		assertEquals(Optional.empty(), QethDevices.check("0.0.1000", null, List.of(new Other("enc2", "0.0.1000"))));
	}
}
