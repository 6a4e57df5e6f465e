package com.siyumall.member.birthday;

import com.siyumall.common.error.RemoteProblemException;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.member.coupons.PromotionCoupons;
import com.siyumall.member.growth.GrowthService;
import com.siyumall.member.growth.LevelLadder;
import com.siyumall.member.growth.MemberLevel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Birthday coupons (生日礼): each morning (Shanghai) members whose birthday is today get their level's birthday coupon,
 * once a year (cause BIRTHDAY:year at promotion-service, so a second run or a second instance gives nothing more).
 * Members born on 29 February celebrate on the 28th in other years.
 */
final class BirthdayCoupons {
    private BirthdayCoupons() {}

    record Celebrant(long memberId, String levelCode) {}

    @Mapper
    interface BirthdayMapper {
        @Select("<script>SELECT id AS member_id, level_code FROM member WHERE birthday IS NOT NULL AND id > #{after} AND ("
                + "(MONTH(birthday) = #{month} AND DAY(birthday) = #{day})"
                + "<if test='leapDayToo'> OR (MONTH(birthday) = 2 AND DAY(birthday) = 29)</if>) ORDER BY id LIMIT 500</script>")
        List<Celebrant> bornOn(@Param("month") int month, @Param("day") int day, @Param("leapDayToo") boolean leapDayToo,
                               @Param("after") long afterMemberId);
    }

    public record Run(LocalDate day, int celebrants, int couponsGiven, int refused) {}

    @Service
    static class Giver {
        private static final Logger log = LoggerFactory.getLogger(Giver.class);

        private final BirthdayMapper members;
        private final GrowthService growth;
        private final PromotionCoupons coupons;
        private final Clock clock;

        Giver(BirthdayMapper members, GrowthService growth, PromotionCoupons coupons, Clock clock) {
            this.members = members;
            this.growth = growth;
            this.coupons = coupons;
            this.clock = clock;
        }

        @Scheduled(cron = "${siyumall.birthday.cron:0 5 0 * * *}", zone = "Asia/Shanghai")
        void everyMorning() {
            Run run = giveFor(BusinessTime.today(clock));
            log.info("Birthday coupons for {}: {} celebrants, {} given, {} refused", run.day(), run.celebrants(), run.couponsGiven(), run.refused());
        }

        Run giveFor(LocalDate day) {
            boolean leapDayToo = day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear();
            LevelLadder ladder = growth.ladder();
            int celebrants = 0;
            int given = 0;
            int refused = 0;
            long after = 0;
            for (List<Celebrant> batch = members.bornOn(day.getMonthValue(), day.getDayOfMonth(), leapDayToo, after); !batch.isEmpty();
                 batch = members.bornOn(day.getMonthValue(), day.getDayOfMonth(), leapDayToo, after)) {
                for (Celebrant celebrant : batch) {
                    celebrants++;
                    after = celebrant.memberId();
                    MemberLevel level = ladder.byCode(celebrant.levelCode());
                    if (level.birthdayCouponTemplateId() == null) {
                        continue;
                    }
                    try {
                        if (coupons.issue(celebrant.memberId(), level.birthdayCouponTemplateId(), "BIRTHDAY:" + day.getYear()).newlyIssued()) {
                            given++;
                        }
                    } catch (RemoteProblemException e) {
                        refused++;
                        log.warn("Birthday coupon {} not given to member {}: {}", level.birthdayCouponTemplateId(),
                                celebrant.memberId(), e.errorCode().code());
                    }
                }
            }
            return new Run(day, celebrants, given, refused);
        }
    }

    @RestController
    @Tag(name = "Growth (merchant)")
    static class BirthdayController {
        private final Giver giver;
        private final Clock clock;

        BirthdayController(Giver giver, Clock clock) {
            this.giver = giver;
            this.clock = clock;
        }

        @PostMapping("/admin/growth-rules/birthday-coupons/run")
        @Operation(summary = "Give the birthday coupons of a day now (default today); repeating a day gives nothing twice")
        Run run(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
            CurrentPrincipal.require(Role.MERCHANT);
            return giver.giveFor(day != null ? day : BusinessTime.today(clock));
        }
    }
}
