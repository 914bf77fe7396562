package dev.bridle.internal.platform.twitter.archfixture;

import dev.bridle.internal.throttle.BucketStore;

/** The adapter writing into the throttles instead of through its port. */
class AdapterThatFeedsAThrottle {
    BucketStore buckets;
}
