package com.clockface.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.channels.FileChannel;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file: one line {@code clockface-key v1 <base64 of 32 random bytes>}. Created on first run
 * with owner-only permissions (POSIX {@code rw-------}; on Windows an ACL for the owner only).
 * The key is never logged.
 */
public final class KeyFile {

    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);
    private static final String HEADER = "clockface-key v1 ";

    private KeyFile() { }

    /** Reads an existing key file. */
    public static Crypto load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.KEY, "ClockFace cannot read its key file " + file + " ("
                    + e.getClass().getSimpleName() + "). Check that the file exists and that this user may read it.", e);
        }
        byte[] raw = null;
        if (text.startsWith(HEADER)) {
            try {
                raw = Base64.getDecoder().decode(text.substring(HEADER.length()).trim());
            } catch (IllegalArgumentException ignored) {
                raw = null;
            }
        }
        if (raw == null || raw.length != 32) {
            throw new StoreException(StoreException.Reason.KEY, "The file " + file + " is not a ClockFace key file "
                    + "(it is damaged or was replaced). Restore the key file from your backup.");
        }
        warnIfOpen(file);
        try {
            return new Crypto(raw, file.toString());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Creates a new random key file; fails if one exists already (never overwrites a key). */
    public static Crypto create(Path file) {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        byte[] line = (HEADER + Base64.getEncoder().encodeToString(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            boolean posix = Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class);
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else {
                Files.createFile(file);
                restrictAcl(file);
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(line));
                ch.force(true);
            }
            log.info("Created a new encryption key file {}; back it up separately from the database.", file);
            return new Crypto(raw, file.toString());
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(StoreException.Reason.KEY, "A key file already exists at " + file
                    + "; ClockFace never overwrites a key.", e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.READ_ONLY, "ClockFace cannot create its key file " + file
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Choose a writable location with "
                    + AppHome.ENV_KEY_FILE + " or --home.", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(line, (byte) 0);
        }
    }

    // Windows: replace inherited entries with one entry for the owner.
    private static void restrictAcl(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) return;
        UserPrincipal owner = Files.getOwner(file);
        AclEntry entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
        acl.setAcl(List.of(entry));
    }

    private static void warnIfOpen(Path file) {
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS) == null) return;
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                log.warn("The key file {} can be read by other users ({}); run: chmod 600 {}", file,
                        PosixFilePermissions.toString(perms), file);
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // permissions are advisory here; the key itself loaded fine
        }
    }
}
