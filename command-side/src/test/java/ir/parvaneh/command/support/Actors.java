package ir.parvaneh.command.support;

import ir.parvaneh.kernel.identity.Actor;
import ir.parvaneh.kernel.identity.Role;

/** Realistic actors of the province, as the identity provider describes them. */
public final class Actors {

    public static final Actor PROVINCE_ADMIN =
            new Actor("5b0c3e8e-0d5a-4e55-9d8f-0f9c2b7a1c01", "رضا صادقی", Role.PROVINCE_ADMIN, null, null);
    public static final Actor QAZVIN_ADMIN =
            new Actor("8f6e2a41-3b1d-4f7e-a2c9-6d4b1e0a9c02", "محمد جعفری", Role.MUNICIPAL_ADMIN, "qazvin", null);
    public static final Actor TAKESTAN_ADMIN =
            new Actor("2d9a7c15-6e4f-4b8a-91d3-7c5e2f0b8d03", "نرگس طاهری", Role.MUNICIPAL_ADMIN, "takestan", null);
    public static final Actor QAZVIN_CLERK =
            new Actor("c4e1b7d2-8a3f-4c6e-b5d9-1f2a3e4c5d04", "علی رضایی", Role.CLERK, "qazvin", null);
    public static final Actor CITIZEN =
            new Actor("e7a3c9b1-2d4f-4a6c-8e1b-3c5d7f9a1b05", "مریم احمدی", Role.CITIZEN, null, "0012345679");
    public static final Actor OVERSIGHT =
            new Actor("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c06", "فاطمه حسینی", Role.OVERSIGHT, null, null);

    private Actors() {
    }
}
