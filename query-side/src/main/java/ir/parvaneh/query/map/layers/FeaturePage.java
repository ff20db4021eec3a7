package ir.parvaneh.query.map.layers;

import java.util.List;

/**
 * A page of features in the version's order.
 *
 * @param numberMatched how many features meet the filter in the whole version
 */
public record FeaturePage(List<Feature> features, long numberMatched) {
}
