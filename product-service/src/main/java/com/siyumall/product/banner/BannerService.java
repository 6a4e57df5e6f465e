package com.siyumall.product.banner;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.persistence.AfterCommit;
import com.siyumall.common.persistence.RedisKeys;
import com.siyumall.common.web.PageQuery;
import com.siyumall.product.audience.MemberFact;
import com.siyumall.product.audience.MemberFacts;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Banners: the live ones of a position are cached briefly in Redis, then filtered for the calling member on each read. */
@Service
public class BannerService {
    private static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private final BannerMapper banners;
    private final MemberFacts members;
    private final RedissonClient redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final Clock clock;

    BannerService(BannerMapper banners, MemberFacts members, RedissonClient redis, RedisKeys keys, ObjectMapper json, Clock clock) {
        this.banners = banners;
        this.members = members;
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    public record Definition(String position, String title, String imageUrl, Banner.LinkType linkType, String linkTarget,
                             Instant startsAt, Instant endsAt, int sortOrder, Audience audience, Integer newMemberDays,
                             Integer minLevelRank, String segmentTag) {}

    /** What the caller sees in a position now; {@code memberId} null for an anonymous visitor. */
    public List<Banner> visible(String position, Long memberId) {
        Instant now = clock.instant();
        MemberFact member = memberId == null ? null : members.of(memberId);
        return live(position).stream().filter(b -> b.isShownTo(member, now))
                .sorted(Comparator.comparing(Banner::getSortOrder).thenComparing(Banner::getId)).toList();
    }

    private List<Banner> live(String position) {
        RBucket<String> cached = redis.getBucket(cacheKey(position), StringCodec.INSTANCE);
        String hit = cached.get();
        try {
            if (hit != null) {
                return json.readValue(hit, new TypeReference<>() {});
            }
            List<Banner> rows = banners.selectList(new LambdaQueryWrapper<Banner>()
                    .eq(Banner::getPosition, position).eq(Banner::getStatus, Banner.Status.ACTIVE)
                    .gt(Banner::getEndsAt, clock.instant()));
            cached.set(json.writeValueAsString(rows), CACHE_TTL);
            return rows;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String cacheKey(String position) {
        return keys.key("product:banners:" + position);
    }

    @Transactional
    public Banner create(Definition d, long merchantId) {
        Banner banner = new Banner();
        define(banner, d);
        banner.setStatus(Banner.Status.ACTIVE);
        banner.setCreatedBy(merchantId);
        banners.insert(banner);
        evict(banner.getPosition());
        return banner;
    }

    @Transactional
    public Banner update(long bannerId, Definition d) {
        Banner banner = get(bannerId);
        String oldPosition = banner.getPosition();
        define(banner, d);
        banners.updateById(banner);
        evict(oldPosition);
        evict(banner.getPosition());
        return banner;
    }

    @Transactional
    public Banner setStatus(long bannerId, Banner.Status status) {
        Banner banner = get(bannerId);
        banner.setStatus(status);
        banners.updateById(banner);
        evict(banner.getPosition());
        return banner;
    }

    private static void define(Banner banner, Definition d) {
        banner.define(d.position(), d.title(), d.imageUrl(), d.linkType(), d.linkTarget(), d.startsAt(), d.endsAt(),
                d.sortOrder(), d.audience(), d.newMemberDays(), d.minLevelRank(), d.segmentTag());
    }

    public Banner get(long bannerId) {
        Banner banner = banners.selectById(bannerId);
        if (banner == null) {
            throw new BusinessException(BannerError.BANNER_NOT_FOUND, bannerId);
        }
        return banner;
    }

    public IPage<Banner> page(PageQuery page, String position) {
        return banners.selectPage(page.toPage(), new LambdaQueryWrapper<Banner>()
                .eq(position != null, Banner::getPosition, position)
                .orderByAsc(Banner::getPosition).orderByAsc(Banner::getSortOrder).orderByDesc(Banner::getId));
    }

    private void evict(String position) {
        AfterCommit.run(() -> redis.getBucket(cacheKey(position), StringCodec.INSTANCE).delete());
    }
}
