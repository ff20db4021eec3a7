package ir.parvaneh.query.map.tiles;

import ir.parvaneh.kernel.error.DomainException;
import ir.parvaneh.kernel.error.ErrorCode;

/**
 * A tile of the Web Mercator tile pyramid in the XYZ scheme (row 0 at the top, as slippy maps count):
 * zoom 0 to 22, column and row each 0 to 2^zoom - 1.
 */
record TileAddress(int z, int x, int y) {

    static final int MAX_ZOOM = 22;

    TileAddress {
        if (z < 0 || z > MAX_ZOOM) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "Zoom " + z + " is not served; zooms are 0 to "
                    + MAX_ZOOM).with("parameter", "z");
        }
        int tilesAcross = 1 << z;
        if (x < 0 || x >= tilesAcross || y < 0 || y >= tilesAcross) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "At zoom " + z + " columns and rows run from 0 to "
                    + (tilesAcross - 1) + "; " + x + "/" + y + " is outside").with("parameter", "x/y");
        }
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
