package org.zkvm.dsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;
import org.zkvm.dsl.analysis.AddressTemplate;
import org.zkvm.dsl.analysis.BusId;
import org.zkvm.dsl.analysis.DeviceRange;
import org.zkvm.dsl.analysis.HiperSocketsFrame;
import org.zkvm.dsl.analysis.IpAddress;
import org.zkvm.dsl.analysis.IpPrefix;
import org.zkvm.dsl.analysis.MalformedValueException;
import org.zkvm.dsl.analysis.Sizes;
import org.zkvm.dsl.analysis.UperfWorkload;

import com.google.inject.Inject;

/**
 * Turns the text of zknet's data types into values, with a message that says what is expected
 * when the text is malformed. The parsing rules themselves live in {@link org.zkvm.dsl.analysis}.
 */
public class ZknetValueConverterService extends DefaultTerminalConverters {

	@Inject
	private NameValueConverter nameConverter;

	@Inject
	private QualifiedNameValueConverter qualifiedNameConverter;

	@ValueConverter(rule = "Name")
	public IValueConverter<String> Name() {
		return nameConverter;
	}

	@ValueConverter(rule = "QualifiedName")
	public IValueConverter<String> QualifiedName() {
		return qualifiedNameConverter;
	}

	@ValueConverter(rule = "QualifiedNameWithWildcard")
	public IValueConverter<String> QualifiedNameWithWildcard() {
		return qualifiedNameConverter;
	}

	/** Chpid ids are two hexadecimal digits, written in upper case: 0a, A and 0A all mean 0A. */
	@ValueConverter(rule = "ChpidId")
	public IValueConverter<String> ChpidId() {
		return new TextConverter() {
			@Override
			protected String parse(String text) {
				return ZknetValueConverterService.chpidId(text);
			}
		};
	}

	/** A chpid of this CEC ('50') or of another one ('Z10A.50'). */
	@ValueConverter(rule = "QualifiedChpid")
	public IValueConverter<String> QualifiedChpid() {
		return new TextConverter() {
			@Override
			protected String parse(String text) {
				int dot = text.lastIndexOf('.');
				String prefix = dot < 0 ? "" : qualifiedNameConverter.toValue(text.substring(0, dot).strip(), null) + ".";
				return prefix + chpidId(text.substring(dot + 1).strip());
			}
		};
	}

	@ValueConverter(rule = "DeviceRange")
	public IValueConverter<String> DeviceRange() {
		return new TextConverter() {
			@Override
			protected String parse(String text) {
				return DeviceRange.parse(text).toString();
			}
		};
	}

	/**
	 * qeth read device, or read,write,data. Only the general shape is checked here; whether it is
	 * the canonical lowercase 0.ssid.devno form is the validator's device.triplet rule.
	 */
	@ValueConverter(rule = "BusIdList")
	public IValueConverter<String> BusIdList() {
		return new TextConverter() {
			@Override
			protected String parse(String text) {
				String[] ids = text.replaceAll("\\s+", "").split(",");
				if (ids.length != 1 && ids.length != 3) {
					throw new MalformedValueException("'" + text + "': give the read device, or all three devices read,write,data (e.g. 0.0.f500,0.0.f501,0.0.f502)");
				}
				for (String id : ids) {
					BusId.parse(id);
				}
				return String.join(",", ids);
			}
		};
	}

	/** LPAR ids are 0-255, written decimal (11) or hexadecimal (0x11). */
	@ValueConverter(rule = "LparId")
	public IValueConverter<Integer> LparId() {
		return new NumberConverter<Integer>(0) {
			@Override
			protected Integer parse(String text) {
				boolean hex = text.startsWith("0x") || text.startsWith("0X");
				long value = Long.parseLong(hex ? text.substring(2) : text, hex ? 16 : 10);
				if (value > 255) {
					throw new MalformedValueException("LPAR id " + text + " is out of range: LPAR ids are 0-255 (0x00-0xFF)");
				}
				return (int) value;
			}

			@Override
			protected String format(Integer value) {
				return value.toString();
			}
		};
	}

	@ValueConverter(rule = "Layer")
	public IValueConverter<Integer> Layer() {
		return new NumberConverter<Integer>(0) {
			@Override
			protected Integer parse(String text) {
				if (!text.equals("2") && !text.equals("3")) {
					throw new MalformedValueException("layer " + text + " does not exist for qeth devices: use layer 2 or layer 3");
				}
				return Integer.valueOf(text);
			}

			@Override
			protected String format(Integer value) {
				return value.toString();
			}
		};
	}

	@ValueConverter(rule = "Size")
	public IValueConverter<Long> Size() {
		return new NumberConverter<Long>(0L) {
			@Override
			protected Long parse(String text) {
				return Sizes.parse(text);
			}

			@Override
			protected String format(Long value) {
				return Sizes.format(value);
			}
		};
	}

	/** HiperSockets maximum frame sizes: 16K, 24K, 40K or 64K (facts §1.1). */
	@ValueConverter(rule = "FrameSize")
	public IValueConverter<Long> FrameSize() {
		return new NumberConverter<Long>(0L) {
			@Override
			protected Long parse(String text) {
				long bytes = Sizes.parse(text);
				return HiperSocketsFrame.ofBytes(bytes).map(HiperSocketsFrame::bytes).orElseThrow(() -> new MalformedValueException(
						"HiperSockets frame size " + text + " does not exist: use 16K, 24K, 40K or 64K (IOCP OS=00, 40, 80, C0)"));
			}

			@Override
			protected String format(Long value) {
				return Sizes.format(value);
			}
		};
	}

	/** A subnet: a prefix length and no host bits, e.g. 10.0.0.0/8 or 2001:db8:136::/48. */
	@ValueConverter(rule = "Cidr")
	public IValueConverter<String> Cidr() {
		return new TextConverter() {
			@Override
			protected String parse(String text) {
				IpPrefix prefix = IpPrefix.parse(text, true);
				if (!prefix.isSubnet()) {
					throw new MalformedValueException("'" + text + "' has host bits set: the subnet is " + prefix.subnet());
				}
				return prefix.toString();
			}
		};
	}

	/** An address with an optional prefix length, e.g. 10.131.11.254/8 or 2001:db8:131:11::fe/64 (written back in RFC 5952 form). */
	@ValueConverter(rule = "IpPrefix")
	public IValueConverter<String> IpPrefix() {
		return new TextConverter() {
			@Override
			protected String parse(String text) {
				IpPrefix prefix = IpPrefix.parse(text, false);
				return text.contains("/") ? prefix.toString() : prefix.address().toString();
			}
		};
	}

	@ValueConverter(rule = "IpAddress")
	public IValueConverter<String> IpAddress() {
		return new TextConverter() {
			@Override
			protected String parse(String text) {
				if (text.contains("/")) {
					throw new MalformedValueException("'" + text + "': a gateway is a single address, without a prefix length");
				}
				return IpAddress.parse(text).toString();
			}
		};
	}

	@ValueConverter(rule = "AddressTemplate")
	public IValueConverter<String> AddressTemplate() {
		return new QuotedConverter() {
			@Override
			protected String parse(String text) {
				return AddressTemplate.parse(text).text();
			}
		};
	}

	@ValueConverter(rule = "UperfName")
	public IValueConverter<String> UperfName() {
		return new QuotedConverter() {
			@Override
			protected String parse(String text) {
				UperfWorkload.parse(text);
				return text;
			}
		};
	}

	static String chpidId(String text) {
		if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
			throw new MalformedValueException("'" + text + "' is not a chpid id: chpids are two hexadecimal digits 00-FF, e.g. F4");
		}
		return String.format("%02X", Integer.parseInt(text, 16));
	}

	/** Converts with a parse function; a malformed value becomes a diagnostic on its node. */
	abstract static class ParsingConverter<T> extends AbstractNullSafeConverter<T> {
		protected abstract T parse(String text);

		protected abstract String format(T value);

		@Override
		protected T internalToValue(String string, INode node) {
			try {
				return parse(string.strip());
			} catch (MalformedValueException | NumberFormatException e) {
				throw new ValueConverterException(e instanceof MalformedValueException ? e.getMessage() : "'" + string + "' is not a number", node, null);
			}
		}

		@Override
		protected String internalToString(T value) {
			return format(value);
		}
	}

	/**
	 * A number: when the parser recovers from a missing token it converts nothing, and the
	 * syntax error already says what is missing, so the value is 0 rather than a second error.
	 */
	abstract static class NumberConverter<T extends Number> extends ParsingConverter<T> {
		private final T missing;

		NumberConverter(T missing) {
			this.missing = missing;
		}

		@Override
		public T toValue(String string, INode node) {
			return string == null || string.isBlank() ? missing : super.toValue(string, node);
		}
	}

	/** A value whose normalised text is also how it is written back. */
	abstract static class TextConverter extends ParsingConverter<String> {
		@Override
		protected String format(String value) {
			return value;
		}
	}

	/** A value written as a double-quoted string. */
	abstract static class QuotedConverter extends ParsingConverter<String> {
		@Override
		protected String internalToValue(String string, INode node) {
			if (string.length() < 2 || !string.startsWith("\"") || !string.endsWith("\"")) {
				throw new ValueConverterException("expected a double-quoted string", node, null);
			}
			return super.internalToValue(Strings.unquote(string), node);
		}

		@Override
		protected String format(String value) {
			return Strings.quote(value);
		}
	}
}
