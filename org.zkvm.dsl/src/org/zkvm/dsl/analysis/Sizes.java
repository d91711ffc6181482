package org.zkvm.dsl.analysis;

/** Sizes written with binary suffixes: 64K, 4G (K = 1024). */
public final class Sizes {
	private Sizes() {
	}

	public static long parse(String text) {
		if (text.isEmpty()) {
			throw new MalformedValueException("a size is empty: write e.g. 4G or 64K");
		}
		char unit = text.charAt(text.length() - 1);
		String digits = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
		if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
			throw new MalformedValueException("'" + text + "' is not a size: write a number with K, M, G or T, e.g. 4G or 64K");
		}
		long value = Long.parseLong(digits);
		return switch (unit) {
			case 'K' -> value << 10;
			case 'M' -> value << 20;
			case 'G' -> value << 30;
			case 'T' -> value << 40;
			default -> {
				if (!Character.isDigit(unit)) {
					throw new MalformedValueException("'" + text + "': unknown size unit '" + unit + "', use K, M, G or T");
				}
				yield value;
			}
		};
	}

	public static String format(long bytes) {
		String[] units = {"T", "G", "M", "K"};
		int[] shifts = {40, 30, 20, 10};
		for (int i = 0; i < units.length; i++) {
			long unit = 1L << shifts[i];
			if (bytes >= unit && bytes % unit == 0) {
				return (bytes / unit) + units[i];
			}
		}
		return Long.toString(bytes);
	}
}
