package ir.parvaneh.command.gis.demo;

/** What the generator made of a parcel, so that tests and samples can check what the layers imply. */
enum ParcelShape {
    /** A (near-)rectangle fronting its street. */
    REGULAR,
    /** A skewed quadrilateral or a pentagon (a bent side boundary), still fronting its street. */
    IRREGULAR,
    /** An interior parcel no street reaches (ملک محصور): its nearest centre line is beyond half the width + 3 m. */
    LANDLOCKED
}
