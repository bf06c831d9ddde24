"""A small analysis and structure shared by the report tests."""

from __future__ import annotations

from datetime import date

import samverkan_model as sm
from samverkan_model.risk import FollowUpAgreement, Method, NotRelevant

L = sm.GovernanceLevel
LC = sm.LivingCondition


def structure() -> sm.Structure:
    """A municipality, a county board and one regional body they both sit in."""
    return sm.Structure(
        "Testlän",
        actors=[
            sm.Actor(
                "nacka-kommun",
                "Nacka kommun",
                sm.OrganisationKind.MUNICIPALITY,
                L.LOCAL,
                area=sm.Area("0182"),
                categories={"kommun"},
            ),
            sm.Actor(
                "lansstyrelsen",
                "Länsstyrelsen",
                sm.OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD,
                L.REGIONAL,
                area=sm.Area("01"),
            ),
            sm.Actor("af", "Arbetsförmedlingen", sm.OrganisationKind.GOVERNMENT_AGENCY, L.CENTRAL),
        ],
        bodies=[sm.Body("chefsgruppen", "Chefsgruppen", sm.BodyKind.MANAGEMENT_GROUP, L.REGIONAL)],
        memberships=[
            sm.Membership(
                "lansstyrelsen", "chefsgruppen", sm.Role.CHAIR, sm.Period(date(2025, 1, 1))
            ),
            sm.Membership(
                "nacka-kommun", "chefsgruppen", sm.Role.MEMBER, sm.Period(date(2025, 1, 1))
            ),
        ],
        relations=[sm.Relation("nacka-kommun", "chefsgruppen", sm.RelationKind.ESCALATES_TO)],
        agreements=[
            sm.Agreement(
                "lok-nacka",
                {"af", "nacka-kommun"},
                sm.AgreementKind.LOCAL_AGREEMENT,
                sm.Period(date(2025, 1, 1)),
                "Etablering av nyanlända",
            )
        ],
        coverage_rules=[
            sm.CoverageRule(
                "chefsgruppen", {"blaljus"}, sm.Period(date(2025, 1, 1), date(2025, 2, 1))
            )
        ],
    )


def analysis() -> sm.Analysis:
    """An analysis of Nacka with one proactive, one reactive and one unrecorded measure."""
    return sm.Analysis(
        "nacka-2025",
        "Sociala risker i Nacka",
        area=sm.Area("0182"),
        held_on=(date(2025, 2, 10),),
        method=Method("Krisberedskap för social hållbarhet", description="Två workshoppar."),
        participants={"nacka-kommun", "lansstyrelsen"},
        documentation_owner="nacka-kommun",
        recipients={"chefsgruppen"},
        distribution="Rapport till kommunstyrelsen",
        follow_up_agreement=FollowUpAgreement(date(2025, 9, 1), every_months=6),
        living_conditions_discussed=set(LC) - {LC.DEMOCRACY},
        not_relevant=[NotRelevant(LC.DEMOCRACY, "Behandlas i annan analys")],
        risks=[
            sm.Risk(
                "r1",
                "Unga lämnar skolan utan behörighet",
                "Avhopp ökar.",
                {LC.EDUCATION},
                4,
                3,
                sm.Confidence.MEDIUM,
                sm.Basis.EVIDENCE,
            ),
            sm.Risk(
                "r2",
                "Oro efter nedlagd busslinje",
                "Sämre rörlighet.",
                {LC.PHYSICAL_MOBILITY},
                2,
                2,
                sm.Confidence.LOW,
                sm.Basis.INTUITION,
            ),
        ],
        measures=[
            sm.Measure(
                "m1",
                "Läxhjälp",
                sm.Phase.PROACTIVE,
                {"nacka-kommun"},
                risks={"r1"},
                living_conditions={LC.EDUCATION},
                due=date(2025, 6, 1),
                follow_up=date(2025, 9, 1),
            ),
            sm.Measure(
                "m2",
                "Trygghetsvandringar",
                sm.Phase.REACTIVE,
                {"lansstyrelsen"},
                risks={"r2"},
                due=date(2026, 6, 1),
                follow_up=date(2026, 1, 15),
            ),
            sm.Measure(
                "m3",
                "Ny busslinje",
                sm.Phase.PROACTIVE,
                {"nacka-kommun"},
                risks={"r2"},
                living_conditions={LC.PHYSICAL_MOBILITY},
            ),
        ],
        history=[
            sm.StatusChange("m1", date(2025, 2, 20), sm.MeasureStatus.PLANNED),
            sm.StatusChange("m1", date(2025, 4, 1), sm.MeasureStatus.ONGOING),
            sm.StatusChange("m2", date(2025, 3, 1), sm.MeasureStatus.ONGOING),
        ],
    )
