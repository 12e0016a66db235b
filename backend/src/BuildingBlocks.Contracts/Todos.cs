namespace Khcn.BuildingBlocks.Contracts;

/// <summary>
/// One thing an officer has to do for a unit, as a module answers it for the officer's home page (#15): what it is
/// (<see cref="Kind"/>: report-due, reports-missing, course-open, registration-due, commendation-decision,
/// initiative-recognition, budget-approval, tranche-approval, tranche-payment, obligation-funding, focal-missing), a title in Vietnamese, the date it is due if any (and whether that date has passed), a
/// count where the item stands for several records, and the SPA path it opens (<see cref="Link"/>).
/// </summary>
public sealed record TodoItem(string Kind, string Title, DateOnly? DueOn, bool Overdue, int? Count, string Link);
