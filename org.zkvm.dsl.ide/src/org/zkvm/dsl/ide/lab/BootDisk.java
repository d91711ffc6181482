package org.zkvm.dsl.ide.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A host's or guest's disk in the reboot: the generated persistent files installed where
 * docs/outputs.md says they go (under the node's own root, as ZKNET_ROOT puts setup.sh's), and
 * which reader brings the node up from them at boot.
 */
record BootDisk(Path root, Reader reader) {

	/** Who reads the network configuration at boot, as the node's folder says (netplan/, networkmanager/ or wicked/). */
	enum Reader {
		NETPLAN("netplan/", "etc/netplan"),
		NETWORK_MANAGER("networkmanager/", "etc/NetworkManager/system-connections"),
		WICKED("wicked/", "etc/sysconfig/network"),
		NONE("", "");

		final String folder;
		final String installed;

		Reader(String folder, String installed) {
			this.folder = folder;
			this.installed = installed;
		}
	}

	/** Copies the node's persistent files from {@code generated} (its folder of the generator's output) onto the disk under {@code root}. */
	static BootDisk install(Path generated, Path root) throws LabException {
		Reader reader = Stream.of(Reader.NETPLAN, Reader.NETWORK_MANAGER, Reader.WICKED).filter(r -> Files.isDirectory(generated.resolve(r.folder)))
				.findFirst().orElse(Reader.NONE);
		try {
			if (reader != Reader.NONE) {
				// netplan and NetworkManager refuse files that others can read (mode 600, docs/outputs.md); a RHEL host
				// boots from the keyfiles its setup.sh installed, which the reboot does not replace
				copyAll(generated.resolve(reader.folder), root.resolve(reader.installed), reader != Reader.WICKED, reader == Reader.NETWORK_MANAGER);
			}
			copyAll(generated.resolve("sysctl.d"), root.resolve("etc/sysctl.d"), false, false);
			copyAll(generated.resolve("udev"), root.resolve("etc/udev/rules.d"), false, false);
		} catch (IOException e) {
			throw new LabException("cannot install the persistent files of " + generated + " under " + root + ": " + e.getMessage());
		}
		return new BootDisk(root, reader);
	}

	private static void copyAll(Path from, Path to, boolean secret, boolean keepInstalled) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		Files.createDirectories(to);
		for (Path file : files(from)) {
			Path target = to.resolve(file.getFileName().toString());
			if (keepInstalled && Files.exists(target)) {
				continue;
			}
			Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
			if (secret) {
				Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
			}
		}
	}

	/** The regular files in a folder, by name. */
	static List<Path> files(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.filter(Files::isRegularFile).sorted().toList();
		}
	}

	/** The regular files in a folder whose names start with {@code prefix}, by name. */
	static List<Path> filesIn(Path folder, String prefix) throws LabException {
		try {
			return files(folder).stream().filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
		} catch (IOException e) {
			throw new LabException("cannot read " + folder + ": " + e.getMessage());
		}
	}

	Path installed() {
		return root.resolve(reader.installed);
	}

	Path sysctlFile() {
		return root.resolve("etc/sysctl.d/90-zknet.conf");
	}

	Path udevRules() {
		return root.resolve("etc/udev/rules.d/70-zknet.rules");
	}

	/** The boot unit setup.sh installed and enabled, or null when it installed none. */
	Path enabledFiltersUnit() {
		Path unit = root.resolve("etc/systemd/system/zknet-filters.service");
		return Files.isRegularFile(unit) && Files.isSymbolicLink(root.resolve("etc/systemd/system/sysinit.target.wants/zknet-filters.service")) ? unit : null;
	}
}
