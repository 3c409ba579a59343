/** The built-in question bank: common interview questions, by category. Ids are stable (seeded once). */
export interface SeedQuestion {
  id: string;
  text: string;
  category: 'general' | 'behavioral' | 'teamwork' | 'leadership' | 'career';
}

export const seedQuestions: SeedQuestion[] = [
  { id: 'q-gen-01', category: 'general', text: 'Tell me about yourself.' },
  { id: 'q-gen-02', category: 'general', text: 'Why do you want to work here?' },
  { id: 'q-gen-03', category: 'general', text: 'What are your greatest strengths?' },
  { id: 'q-gen-04', category: 'general', text: 'What is a weakness you are working on, and how?' },
  { id: 'q-gen-05', category: 'general', text: 'Why are you interested in this role?' },
  { id: 'q-gen-06', category: 'general', text: 'What makes you a good fit for this position?' },
  { id: 'q-beh-01', category: 'behavioral', text: 'Describe a time you faced a difficult problem at work and how you solved it.' },
  { id: 'q-beh-02', category: 'behavioral', text: 'Tell me about a mistake you made and what you learned from it.' },
  { id: 'q-beh-03', category: 'behavioral', text: 'Describe a situation where you had to meet a tight deadline.' },
  { id: 'q-beh-04', category: 'behavioral', text: 'Tell me about a time you had to adapt to a big change.' },
  { id: 'q-beh-05', category: 'behavioral', text: 'Give an example of a goal you set and how you reached it.' },
  { id: 'q-beh-06', category: 'behavioral', text: 'Describe a time you received critical feedback. How did you respond?' },
  { id: 'q-team-01', category: 'teamwork', text: 'Tell me about a time you worked with a difficult colleague.' },
  { id: 'q-team-02', category: 'teamwork', text: 'Describe a successful team project you were part of and your role in it.' },
  { id: 'q-team-03', category: 'teamwork', text: 'How do you handle disagreements within a team?' },
  { id: 'q-team-04', category: 'teamwork', text: 'Tell me about a time you helped a teammate who was struggling.' },
  { id: 'q-team-05', category: 'teamwork', text: 'How do you keep a team informed when plans change?' },
  { id: 'q-lead-01', category: 'leadership', text: 'Describe a time you led a project or a team.' },
  { id: 'q-lead-02', category: 'leadership', text: 'Tell me about a decision you made without having all the information.' },
  { id: 'q-lead-03', category: 'leadership', text: 'How do you motivate others when a project is going badly?' },
  { id: 'q-lead-04', category: 'leadership', text: 'Describe a time you had to persuade someone to see things your way.' },
  { id: 'q-lead-05', category: 'leadership', text: 'Tell me about a time you took initiative beyond your role.' },
  { id: 'q-car-01', category: 'career', text: 'Where do you see yourself in five years?' },
  { id: 'q-car-02', category: 'career', text: 'Why are you leaving your current job?' },
  { id: 'q-car-03', category: 'career', text: 'What are you looking for in your next role?' },
  { id: 'q-car-04', category: 'career', text: 'What skill have you recently learned, and how did you learn it?' },
  { id: 'q-car-05', category: 'career', text: 'What accomplishment are you most proud of?' },
];
